using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Vermilion.Discovery.Contracts;
using Vermilion.Discovery.Search.Analysis;
using Vermilion.Discovery.Search.Index;
using Vermilion.Discovery.Search.Suggestions;

namespace Vermilion.Discovery.Search;

/// <summary>
/// Keeps each node's search current in the background: at start it catches the index up with the community and
/// then with commerce's catalogue (the demo seed and anything written while events were off; products borrow the
/// titles of the notes carrying them, so notes go first), loads or learns the lexicon, and builds the
/// suggestions; then every few minutes it catches up again, reloads what other nodes learned and rebuilds the
/// suggestions; once a day it relearns the lexicon. The <c>reindex</c> command does the same from scratch.
/// </summary>
internal sealed partial class SearchMaintenance(IServiceScopeFactory scopes, TimeProvider clock, ILogger<SearchMaintenance> logger)
    : BackgroundService, ISearchIndexMaintenance
{
    private static readonly TimeSpan Refresh = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan Relearn = TimeSpan.FromDays(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var learnedAt = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var services = scope.ServiceProvider;
                await services.GetRequiredService<NoteIndexer>().CatchUpAsync(null, stoppingToken);
                await services.GetRequiredService<ProductIndexer>().CatchUpAsync(stoppingToken);
                var lexicon = services.GetRequiredService<LexiconStore>();
                if (clock.GetUtcNow() - learnedAt > Relearn || !await lexicon.LoadAsync(stoppingToken))
                {
                    await lexicon.LearnAsync(stoppingToken);
                    learnedAt = clock.GetUtcNow();
                }

                await services.GetRequiredService<SuggestionBuilder>().BuildAsync(stoppingToken);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                LogMaintenanceFailed(logger, error);
            }

            await Task.Delay(Refresh, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    public async Task<SearchIndexReport> ReindexAsync(IProgress<int>? progress, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var watch = Stopwatch.StartNew();
        var notes = await services.GetRequiredService<NoteIndexer>().RebuildAsync(progress, cancellationToken);
        var products = await services.GetRequiredService<ProductIndexer>().RebuildAsync(cancellationToken);
        var indexed = watch.Elapsed;
        var lexicon = await services.GetRequiredService<LexiconStore>().LearnAsync(cancellationToken);
        var learned = watch.Elapsed - indexed;
        var suggestions = await services.GetRequiredService<SuggestionBuilder>().BuildAsync(cancellationToken);
        return new SearchIndexReport(notes, indexed, lexicon.Count, learned, suggestions.Count, watch.Elapsed - indexed - learned, products);
    }

    /// <summary>Catches up and rebuilds this node's suggestions now (tests call this instead of waiting).</summary>
    public async Task RefreshNowAsync(bool learn, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        await services.GetRequiredService<NoteIndexer>().CatchUpAsync(null, cancellationToken);
        await services.GetRequiredService<ProductIndexer>().CatchUpAsync(cancellationToken);
        if (learn)
        {
            await services.GetRequiredService<LexiconStore>().LearnAsync(cancellationToken);
        }

        await services.GetRequiredService<SuggestionBuilder>().BuildAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Search maintenance failed; trying again at the next round.")]
    private static partial void LogMaintenanceFailed(ILogger logger, Exception error);
}
