using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Vermilion.Community.Notes;
using Vermilion.Kernel.Errors;
using Vermilion.Kernel.Ids;

namespace Vermilion.Community.Series;

/// <summary>Creates, renames and deletes series. Deleting a series keeps its notes; only the grouping goes.</summary>
internal sealed class ManageSeriesHandler(CommunityDb db, IdGenerator ids, NoteRowCache rows, TimeProvider clock, IStringLocalizer text)
{
    public const int SeriesPerPerson = 50;

    public async Task<Outcome<long>> CreateAsync(long ownerId, SeriesRequest request, CancellationToken cancellationToken)
    {
        var (name, description, errors) = Check(request.Name ?? "", request.Description ?? "");
        if (!errors.IsEmpty)
        {
            return Failure.Invalid(errors, text["common.invalid"]);
        }

        if (await db.Series.CountAsync(s => s.OwnerId == ownerId, cancellationToken) >= SeriesPerPerson)
        {
            return Failure.Invalid("name", text["community.series.too_many", SeriesPerPerson]);
        }

        var now = clock.GetUtcNow();
        var series = new NoteSeries { Id = ids.Next(), OwnerId = ownerId, Name = name, Description = description, CreatedAt = now, UpdatedAt = now };
        db.Series.Add(series);
        await db.SaveChangesAsync(cancellationToken);
        return series.Id;
    }

    public async Task<Outcome<long>> EditAsync(long userId, long seriesId, SeriesRequest request, CancellationToken cancellationToken)
    {
        var series = await db.Series.FirstOrDefaultAsync(s => s.Id == seriesId, cancellationToken);
        if (Refusal(series, userId) is { } refusal)
        {
            return refusal;
        }

        var (name, description, errors) = Check(request.Name ?? series!.Name, request.Description ?? series!.Description);
        if (!errors.IsEmpty)
        {
            return Failure.Invalid(errors, text["common.invalid"]);
        }

        (series!.Name, series.Description, series.UpdatedAt) = (name, description, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        await ForgetPagesAsync(seriesId, cancellationToken);
        return series.Id;
    }

    public async Task<Outcome<bool>> DeleteAsync(long userId, long seriesId, CancellationToken cancellationToken)
    {
        var series = await db.Series.AsNoTracking().FirstOrDefaultAsync(s => s.Id == seriesId, cancellationToken);
        if (Refusal(series, userId) is { } refusal)
        {
            return refusal;
        }

        var members = await db.SeriesNotes.Where(n => n.SeriesId == seriesId).Select(n => n.NoteId).ToListAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SeriesNotes.Where(n => n.SeriesId == seriesId).ExecuteDeleteAsync(cancellationToken);
        await db.Series.Where(s => s.Id == seriesId).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        members.ForEach(rows.Forget);
        return true;
    }

    /// <summary>Every page of a series' notes shows its name and the notes either side: a change redraws them all.</summary>
    public async Task ForgetPagesAsync(long seriesId, CancellationToken cancellationToken) =>
        (await db.SeriesNotes.Where(n => n.SeriesId == seriesId).Select(n => n.NoteId).ToListAsync(cancellationToken)).ForEach(rows.Forget);

    /// <summary>Not found for an unknown series, forbidden for someone else's.</summary>
    public Failure? Refusal(NoteSeries? series, long userId) =>
        series is null ? new Failure(FailureKind.NotFound, text["community.series.not_found"])
        : series.OwnerId != userId ? new Failure(FailureKind.Forbidden, text["community.series.not_yours"])
        : null;

    private (string Name, string Description, FieldErrors Errors) Check(string rawName, string rawDescription)
    {
        var errors = new FieldErrors();
        var name = NoteText.Clean(rawName);
        var description = NoteText.Clean(rawDescription);
        if (name.Length == 0 || NoteText.Length(name) > NoteSeries.NameMax)
        {
            errors.Add("name", text["community.series.name", NoteSeries.NameMax]);
        }

        if (NoteText.Length(description) > NoteSeries.DescriptionMax)
        {
            errors.Add("description", text["community.series.description", NoteSeries.DescriptionMax]);
        }

        return (name, description, errors);
    }
}
