using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Vermilion.Discovery.Catalog;
using Vermilion.Discovery.Feed;
using Vermilion.Discovery.Signals;
using Vermilion.Kernel.Persistence;

namespace Vermilion.Discovery.Training;

/// <summary>
/// Keeps every node's feed state current. At start it serves the newest saved model (or none yet) with a catalog
/// built around it; then, every second, it reads the signal log's tail (so a like or a "not interested" on any node
/// shapes the next page here) and the notes that changed (a new note reaches followers at once, a deleted one
/// goes); every few minutes it rebuilds the catalog, picking up a newer model another node trained.
/// </summary>
internal sealed partial class FeedRefresher(
    IServiceScopeFactory scopes, FeedStateHolder holder, ViewerActivity activity, IOptions<FeedOptions> options, DatabaseSettings database,
    TimeProvider clock, ILogger<FeedRefresher> logger) : BackgroundService
{
    private const int Batch = 5_000;

    /// <summary>Signals older than this at start-up are left to the model.</summary>
    private static readonly TimeSpan LiveWindow = TimeSpan.FromDays(3);

    private long signalWatermark;
    private DateTimeOffset notesChangedSince;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await LoadAsync(stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed(logger, e);
        }

        var lastRebuild = clock.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.Value.PollEvery, clock, stoppingToken);
                if (holder.Current is null)
                {
                    await LoadAsync(stoppingToken);
                    continue;
                }

                await PollAsync(stoppingToken);
                if (clock.GetUtcNow() - lastRebuild >= options.Value.CatalogRefreshEvery)
                {
                    await RebuildAsync(stoppingToken);
                    lastRebuild = clock.GetUtcNow();
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogFailed(logger, e);
            }
        }
    }

    /// <summary>The newest saved model (if it can be read), its catalog, and what people did recently.</summary>
    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var model = ModelFile.Newest(database.DataDirectory) is { } path ? ModelFile.Load(path) ?? FeedModel.Untrained : FeedModel.Untrained;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FeedDb>();
        var now = clock.GetUtcNow();
        notesChangedSince = now;
        holder.Swap(await scope.ServiceProvider.GetRequiredService<FeedStateBuilder>().BuildAsync(model, cancellationToken));

        // Marks and searches outlive the model's watermark; the rest since it is read as the log's tail.
        var since = now - options.Value.NotInterestedFor * 4;
        foreach (var signal in await db.Events.AsNoTracking()
            .Where(e => (e.Kind == FeedEventKind.NotInterested || e.Kind == FeedEventKind.Search) && e.OccurredAt >= since)
            .OrderBy(e => e.Id).ToListAsync(cancellationToken))
        {
            activity.Apply(SignalRecord.Of(signal));
        }

        foreach (var signal in await db.Events.AsNoTracking().Where(e => e.Kind == FeedEventKind.Interest).OrderBy(e => e.Id).ToListAsync(cancellationToken))
        {
            activity.Apply(SignalRecord.Of(signal));
        }

        signalWatermark = Math.Max(model.SignalWatermark, SignalIds.Floor(now - LiveWindow));
        await PollAsync(cancellationToken);
    }

    private async Task PollAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FeedDb>();
        var since = clock.GetUtcNow() - LiveWindow;
        while (true)
        {
            var from = signalWatermark;
            var signals = await db.Events.AsNoTracking()
                .Where(e => e.Id > from && (e.Feed == null || e.Feed != "backfill"))
                .OrderBy(e => e.Id).Take(Batch).ToListAsync(cancellationToken);
            foreach (var signal in signals)
            {
                if (signal.OccurredAt >= since)
                {
                    activity.Apply(SignalRecord.Of(signal));
                }
            }

            if (signals.Count > 0)
            {
                signalWatermark = signals[^1].Id;
            }

            if (signals.Count < Batch)
            {
                break;
            }
        }

        await ApplyNoteChangesAsync(db, cancellationToken);
    }

    /// <summary>Notes changed since the last look (with a little overlap for clocks of other nodes).</summary>
    private async Task ApplyNoteChangesAsync(FeedDb db, CancellationToken cancellationToken)
    {
        if (holder.Current is not { } state)
        {
            return;
        }

        var since = notesChangedSince - TimeSpan.FromSeconds(5);
        var changed = await db.Notes.AsNoTracking().Where(n => n.ChangedAt > since).OrderBy(n => n.ChangedAt).Take(Batch).ToListAsync(cancellationToken);
        foreach (var row in changed)
        {
            var index = state.Catalog.IndexOf(row.Id);
            if (index >= 0)
            {
                state.Catalog.Hidden[index] = !row.Recommendable;
            }

            if (!row.Recommendable)
            {
                state.Live.Hide(row.Id);
            }
            else if (index < 0)
            {
                var note = CatalogSnapshot.ToInfo(row, -1, state.Catalog.Channels, s => s);
                var channel = note.Channel >= 0 ? state.Catalog.Channels.Channels[note.Channel].Topic : null;
                state.Live.Add(note, ContentVectors.Of(row.Title, row.Excerpt, note.Topics, channel));
            }
        }

        if (changed.Count > 0)
        {
            notesChangedSince = changed[^1].ChangedAt;
        }
    }

    private async Task RebuildAsync(CancellationToken cancellationToken)
    {
        var current = holder.Current?.Model ?? FeedModel.Untrained;
        var newest = ModelFile.Newest(database.DataDirectory);
        var model = newest is not null && !newest.EndsWith($"-{current.TrainedAt.UtcTicks}.bin", StringComparison.Ordinal)
            ? ModelFile.Load(newest) is { } loaded && loaded.TrainedAt > current.TrainedAt ? loaded : current
            : current;
        await using var scope = scopes.CreateAsyncScope();
        var changedSince = clock.GetUtcNow();
        holder.Swap(await scope.ServiceProvider.GetRequiredService<FeedStateBuilder>().BuildAsync(model, cancellationToken));
        notesChangedSince = changedSince;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The discovery feed could not refresh; it keeps serving what it has")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
