using Microsoft.Extensions.Localization;
using Vermilion.Discovery.Feed;
using Vermilion.Kernel.Errors;
using Vermilion.Kernel.Ids;

namespace Vermilion.Discovery.Signals;

/// <summary>
/// One signal as a client reports it. <c>note</c> is the note's public id; <c>session</c> is the feed's cursor
/// the note came with, so its impression can be matched with what the ranker knew when it served it.
/// </summary>
public sealed record SignalInput(string? Kind, string? Note, int? Position, int? DwellMs, double? Completion, string? Feed, string? Query, string? Session);

/// <summary>A batch of signals, as the browser sends them on a timer and when the page is left.</summary>
public sealed record SignalBatch(IReadOnlyList<SignalInput>? Events);

/// <summary>
/// Records what a client saw and did: impressions with their position, clicks, dwell, video completion, shares,
/// searches. A batch is accepted whole or refused whole with every bad field named, and what is accepted is
/// stored before the answer and shapes the person's next page at once.
/// </summary>
internal sealed class RecordSignalsHandler(SignalWriter writer, IServedFeatures served, IStringLocalizer text)
{
    public const int MaxBatch = 200;
    public const int MaxDwellMs = 6 * 60 * 60 * 1000;
    public const int MaxPosition = 10_000;

    public async Task<Outcome<int>> HandleAsync(long userId, SignalBatch? batch, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var inputs = batch?.Events ?? [];
        if (inputs.Count == 0)
        {
            errors.Add("events", text["discovery.signals.empty"]);
        }
        else if (inputs.Count > MaxBatch)
        {
            errors.Add("events", text["discovery.signals.too_many", MaxBatch]);
        }

        var accepted = new List<FeedEvent>(inputs.Count);
        // Every event is checked, so one answer names every bad field of the batch.
        for (var i = 0; inputs.Count <= MaxBatch && i < inputs.Count; i++)
        {
            if (Read(userId, inputs[i], $"events[{i}]", errors) is { } signal)
            {
                accepted.Add(signal);
            }
        }

        if (!errors.IsEmpty)
        {
            return Failure.Invalid(errors, text["discovery.signals.invalid"]);
        }

        return await writer.WriteAsync(accepted, cancellationToken);
    }

    private FeedEvent? Read(long userId, SignalInput input, string at, FieldErrors errors)
    {
        if (!SignalKinds.TryParse(input.Kind, out var kind))
        {
            errors.Add(at + ".kind", text["discovery.signals.kind", string.Join(", ", SignalKinds.Reportable)]);
            return null;
        }

        if (!SignalKinds.IsReportable(kind))
        {
            errors.Add(at + ".kind", text["discovery.signals.not_reportable", input.Kind!]);
            return null;
        }

        var before = errors.All.Count();
        long? note = null;
        if (kind != FeedEventKind.Search)
        {
            if (ShortId.TryDecode(input.Note, out var id))
            {
                note = id;
            }
            else
            {
                errors.Add(at + ".note", text["discovery.signals.note"]);
            }
        }

        if (input.Position is < 0 or > MaxPosition)
        {
            errors.Add(at + ".position", text["discovery.signals.position", MaxPosition]);
        }

        float? value = null;
        if (kind == FeedEventKind.Dwell)
        {
            if (input.DwellMs is not (>= 0 and <= MaxDwellMs))
            {
                errors.Add(at + ".dwellMs", text["discovery.signals.dwell", MaxDwellMs]);
            }

            value = input.DwellMs / 1000f;
        }
        else if (kind == FeedEventKind.VideoCompletion)
        {
            if (input.Completion is not (>= 0 and <= 1))
            {
                errors.Add(at + ".completion", text["discovery.signals.completion"]);
            }

            value = (float?)input.Completion;
        }

        var query = input.Query?.Trim();
        if (kind == FeedEventKind.Search && string.IsNullOrEmpty(query))
        {
            errors.Add(at + ".query", text["discovery.signals.query"]);
        }
        else if (query?.Length > FeedEvent.QueryMax)
        {
            errors.Add(at + ".query", text["discovery.signals.query_long", FeedEvent.QueryMax]);
        }

        if (input.Feed?.Length > FeedEvent.FeedMax)
        {
            errors.Add(at + ".feed", text["discovery.signals.feed", FeedEvent.FeedMax]);
        }

        if (errors.All.Count() != before)
        {
            return null;
        }

        return new FeedEvent
        {
            UserId = userId,
            Kind = kind,
            NoteId = note,
            Position = input.Position,
            Value = value,
            Feed = input.Feed,
            Query = kind == FeedEventKind.Search ? query : null,
            Features = kind == FeedEventKind.Impression && note is { } shown ? served.Find(userId, input.Session, shown) : null,
        };
    }
}
