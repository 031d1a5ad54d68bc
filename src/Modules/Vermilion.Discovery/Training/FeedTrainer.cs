using System.Diagnostics;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Vermilion.Discovery.Catalog;
using Vermilion.Discovery.Contracts;
using Vermilion.Discovery.Feed;
using Vermilion.Discovery.Recommendation;
using Vermilion.Discovery.Signals;
using Vermilion.Kernel.Persistence;

namespace Vermilion.Discovery.Training;

/// <summary>
/// One training run: catch up the community's notes and interactions, read the signal log, train the engine (the
/// same <see cref="RecommenderTrainer"/> the offline evaluation measures, with the notes' topics as attributes),
/// precompute each active person's candidates, keep item neighbours and popularity, learn the ranker from logged
/// impressions, save the model, and serve it. One run at a time per process.
/// </summary>
internal sealed class FeedTrainer(IServiceScopeFactory scopes, FeedStateHolder holder, IOptions<FeedOptions> options, DatabaseSettings database, TimeProvider clock)
    : IFeedTraining, IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);

    public async Task<FeedTrainingResult> TrainAsync(FeedTrainingRequest request, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await gate.WaitAsync(cancellationToken);
        try
        {
            return await RunAsync(request.Threads ?? options.Value.TrainingThreads, progress, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<FeedTrainingResult> RunAsync(int threads, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var watch = Stopwatch.StartNew();
        var summary = new StringBuilder();
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        await services.GetRequiredService<CatalogBackfill>().RunAsync(progress, cancellationToken);
        await services.GetRequiredService<InteractionBackfill>().RunAsync(progress, cancellationToken);
        Step(summary, progress, watch, "caught up with the community");

        var now = clock.GetUtcNow();
        var rows = await services.GetRequiredService<FeedDb>().Notes.AsNoTracking().ToListAsync(cancellationToken);
        var catalog = CatalogSnapshot.Build(rows, FeedModel.Untrained, settings, now);
        var (histories, watermark, read) = await services.GetRequiredService<SignalLogReader>()
            .ReadAsync(catalog, now.AddDays(-settings.HistoryDays), progress, cancellationToken);
        var set = TrainingSet.Build(histories, catalog, now, settings.PopularityHalfLifeHours);
        Step(summary, progress, watch, $"{catalog.Count} notes, {read} signals, {set.Log.UserCount} people with {set.Log.InteractionCount} liked notes");

        // The engine is CPU-bound for minutes on a large community: keep it off the request threads' backs.
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads), CancellationToken = cancellationToken };
        var (engine, neighbours) = await Task.Run(() => TrainEngine(set, catalog, settings, parallel.MaxDegreeOfParallelism, progress, cancellationToken), cancellationToken);
        Step(summary, progress, watch, engine is null ? "too little data for the engine: serving from popularity, content and the social graph" : "engine trained\n" + engine.Report);

        var active = set.People.Where(p => p.LastAt >= now.AddDays(-settings.CacheActiveDays).UtcTicks).ToList();
        var users = await Task.Run(() => CandidateCaches.Compute(engine, active, catalog, neighbours, settings.CacheSize, parallel, progress), cancellationToken);
        Step(summary, progress, watch, $"candidates for {users.Count} people active in the last {settings.CacheActiveDays} days");

        var ranker = RankerTraining.Learn(set.RankingExamples, progress);
        Step(summary, progress, watch, $"ranker: {string.Join(", ", Enumerable.Range(0, ranker.TrainedOn.Length).Select(o => $"{(Objective)o} {(ranker.TrainedOn[o] > 0 ? "learned" : "prior")}"))}");

        var model = new FeedModel
        {
            TrainedAt = now,
            SignalWatermark = watermark,
            NoteIds = [.. catalog.Notes.Select(n => n.Id)],
            Popularity = set.Popularity,
            Users = users,
            Neighbours = neighbours,
            Ranker = ranker,
            Summary = summary.ToString(),
        };
        var path = await ModelFile.SaveAsync(model, database.DataDirectory, cancellationToken);
        holder.Swap(await services.GetRequiredService<FeedStateBuilder>().BuildAsync(model, cancellationToken));
        Step(summary, progress, watch, $"saved {path} and serving it");
        return new FeedTrainingResult(catalog.Count, set.People.Count, read, users.Count, watch.Elapsed, path, summary.ToString());
    }

    public void Dispose() => gate.Dispose();

    private static (RecommenderModel? Engine, ItemNeighbours Neighbours) TrainEngine(
        TrainingSet set, CatalogSnapshot catalog, FeedOptions settings, int threads, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var topics = new Dictionary<string, int>(StringComparer.Ordinal);
        var attributes = catalog.Notes.Select(n => n.Topics.Select(t => topics.TryGetValue(t, out var id) ? id : topics[t] = topics.Count).ToArray()).ToArray();
        var training = new TrainingOptions
        {
            ItemAttributes = attributes,
            Sources = settings.Sources,
            MaxValidationUsers = settings.MaxValidationUsers,
            MaxDegreeOfParallelism = threads,
        };
        var engine = set.EnoughForTheEngine ? RecommenderTrainer.Train(set.Log, training, progress, cancellationToken) : null;
        return (engine, ServingNeighbours.From(engine, set.Log, training, cancellationToken));
    }

    private static void Step(StringBuilder summary, IProgress<string>? progress, Stopwatch watch, string line)
    {
        var stamped = $"[{watch.Elapsed.TotalSeconds,7:F1}s] {line}";
        summary.AppendLine(stamped);
        progress?.Report(stamped);
    }
}
