using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Vermilion.Discovery.Contracts;

namespace Vermilion.Discovery.Search.Suggestions;

/// <summary>
/// A search someone made, to count for hot searches and keep in their history; <paramref name="Visitor"/> is the
/// counting key of a visitor who is not signed in (<see cref="Visitors"/>), null when there is none.
/// </summary>
internal readonly record struct SearchMade(long? UserId, string Text, DateTimeOffset At, string? Visitor = null);

/// <summary>
/// Takes searches off the request path: results never wait for the query log, and the log is written in
/// batches (one transaction a second), which keeps SQLite's single writer out of the way of readers.
/// </summary>
internal sealed partial class SearchRecorder(IServiceScopeFactory scopes, ILogger<SearchRecorder> logger) : BackgroundService
{
    private static readonly TimeSpan SameSearchAgain = TimeSpan.FromHours(1);
    private readonly Channel<SearchMade> _made = Channel.CreateBounded<SearchMade>(new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest });

    /// <summary>Normalises a query for counting: folded, inner spaces collapsed, cut to the stored length.</summary>
    public static string Normalize(string query)
    {
        var folded = string.Join(' ', Analysis.Characters.Fold(query).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return folded.Length <= QueryStats.TextMax ? folded : folded[..QueryStats.TextMax];
    }

    public void Record(SearchMade search) => _made.Writer.TryWrite(search);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await DrainAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: searches still queued are not counted, which is all they cost.
        }
    }

    private async Task DrainAsync(CancellationToken stoppingToken)
    {
        var batch = new List<SearchMade>();
        while (await _made.Reader.WaitToReadAsync(stoppingToken))
        {
            while (batch.Count < 1000 && _made.Reader.TryRead(out var search))
            {
                batch.Add(search);
            }

            try
            {
                await WriteAsync(batch, stoppingToken);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                LogWriteFailed(logger, error);
            }

            batch.Clear();
            await Task.Delay(TimeSpan.FromMilliseconds(500), stoppingToken);
        }
    }

    /// <summary>Writes searches now (the background loop calls this; tests may too).</summary>
    public async Task WriteAsync(IReadOnlyList<SearchMade> searches, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SearchDb>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (searches.Count > 0)
        {
            var forgetBefore = searches.Min(s => s.At) - SameSearchAgain;
            await db.VisitorSearches.Where(v => v.SearchedAt < forgetBefore).ExecuteDeleteAsync(cancellationToken);
        }

        var blocked = (await db.BlockedQueries.AsNoTracking().Select(b => b.Text).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        foreach (var search in searches)
        {
            var text = Normalize(search.Text);
            if (text.Length == 0)
            {
                continue;
            }

            // Each person, or visitor, heats a query once an hour; a visitor without a cookie of ours not at all (see Visitors).
            var firstThisHour = search switch
            {
                { UserId: { } user } => await PersonFirstThisHourAsync(db, user, text, search.At, cancellationToken),
                { Visitor: { } visitor } => await VisitorFirstThisHourAsync(db, visitor, text, search.At, cancellationToken),
                _ => false,
            };

            if (firstThisHour && !blocked.Contains(text))
            {
                var stats = await db.Queries.FirstOrDefaultAsync(q => q.Text == text, cancellationToken);
                if (stats is null)
                {
                    db.Queries.Add(stats = new QueryStats { Text = text });
                }

                stats.Heat = QueryHeat.Add(stats.Heat, stats.Count, search.At);
                stats.Count++;
                stats.LastAt = search.At;
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);

        // The discovery feed offers notes related to what a person searched for (与你搜索的…相关).
        var signals = scope.ServiceProvider.GetRequiredService<IFeedSignals>();
        foreach (var search in searches)
        {
            if (search.UserId is { } searcher)
            {
                await signals.SearchedAsync(searcher, search.Text, cancellationToken);
            }
        }
    }

    /// <summary>Keeps the search in the person's history; true unless they searched it within the hour.</summary>
    private static async Task<bool> PersonFirstThisHourAsync(SearchDb db, long user, string text, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var entry = await db.History.FirstOrDefaultAsync(h => h.UserId == user && h.Text == text, cancellationToken);
        if (entry is null)
        {
            db.History.Add(new HistoryEntry { UserId = user, Text = text, SearchedAt = at });
            return true;
        }

        var again = Again(entry.SearchedAt, at);
        entry.SearchedAt = at;
        return again;
    }

    /// <summary>Remembers the visitor's search for an hour; true unless they searched it within the hour.</summary>
    private static async Task<bool> VisitorFirstThisHourAsync(SearchDb db, string visitor, string text, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var seen = await db.VisitorSearches.FirstOrDefaultAsync(v => v.Visitor == visitor && v.Text == text, cancellationToken);
        if (seen is null)
        {
            db.VisitorSearches.Add(new VisitorSearch { Visitor = visitor, Text = text, SearchedAt = at });
            return true;
        }

        var again = Again(seen.SearchedAt, at);
        seen.SearchedAt = at;
        return again;
    }

    /// <summary>A repeat of a search made <paramref name="before"/> counts again once the hour since has passed.</summary>
    private static bool Again(DateTimeOffset before, DateTimeOffset now) => now - before > SameSearchAgain;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing the search log failed; those searches are not counted.")]
    private static partial void LogWriteFailed(ILogger logger, Exception error);
}
