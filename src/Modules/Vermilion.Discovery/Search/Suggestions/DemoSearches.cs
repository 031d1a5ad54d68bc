using Microsoft.EntityFrameworkCore;
using Vermilion.Discovery.Contracts;
using Vermilion.Discovery.Search.Index;

namespace Vermilion.Discovery.Search.Suggestions;

/// <summary>
/// Searches for the demo community: the topics its notes use most and the titles of its most engaging notes, as
/// the long specific phrases people type, searched by a power law of people over the last two days. Written as
/// the recorder would have written them, so the hot list, suggestions and the <c>demo</c> account's history read
/// like a community that has been searching for a while.
/// </summary>
internal sealed class DemoSearches(SearchDb db, NoteIndexer indexer, ISearchIndexMaintenance maintenance, TimeProvider clock) : IDemoSearches
{
    private const int Topics = 20;
    private const int Titles = 40;
    private const int History = 8;

    public async Task<int> EnsureAsync(IReadOnlyList<long> people, CancellationToken cancellationToken)
    {
        if (await db.Queries.AnyAsync(cancellationToken))
        {
            return await db.Queries.CountAsync(cancellationToken);
        }

        await indexer.CatchUpAsync(null, cancellationToken); // the demo's notes, indexed: every query finds them
        var notes = await db.Notes.AsNoTracking().Where(n => n.Audience == NoteAudience.Public)
            .OrderByDescending(n => n.LikeCount + (2 * n.CollectCount) + n.CommentCount).Take(1000)
            .Select(n => new { n.Title, n.Topics }).ToListAsync(cancellationToken);
        var topics = notes.SelectMany(n => n.Topics.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .GroupBy(t => t, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).Take(Topics);
        var titles = notes.Select(n => n.Title).Where(t => t.Length >= 4).Distinct(StringComparer.Ordinal).Take(Titles);
        var queries = Interleave(topics.ToList(), titles.ToList()).Select(SearchRecorder.Normalize).Where(q => q.Length > 0).Distinct(StringComparer.Ordinal).ToList();

        var random = new Random(17);
        var now = clock.GetUtcNow();
        for (var rank = 0; rank < queries.Count; rank++)
        {
            var count = Math.Max(2, (int)(150 / (1 + (rank * 0.5)) * (0.7 + (random.NextDouble() * 0.6))));
            var times = Enumerable.Range(0, count).Select(_ => now.AddMinutes(-random.Next(5, 48 * 60))).Order().ToList();
            var heat = 0.0;
            for (var i = 0; i < times.Count; i++)
            {
                heat = QueryHeat.Add(heat, i, times[i]);
            }

            db.Queries.Add(new QueryStats { Text = queries[rank], Count = count, Heat = heat, LastAt = times[^1] });
        }

        if (people.Count > 0)
        {
            db.History.AddRange(queries.Take(History).Select((text, i) => new HistoryEntry { UserId = people[0], Text = text, SearchedAt = now.AddHours(-(i * 5) - 1) }));
        }

        await db.SaveChangesAsync(cancellationToken);
        await maintenance.RefreshNowAsync(learn: true, cancellationToken); // the lexicon and suggestions, built once, with the searches
        return queries.Count;
    }

    /// <summary>Topics and titles taken in turn, so the top of the hot list mixes short topics with long phrases.</summary>
    private static IEnumerable<string> Interleave(List<string> topics, List<string> titles)
    {
        for (var i = 0; i < Math.Max(topics.Count, titles.Count); i++)
        {
            if (i < topics.Count)
            {
                yield return topics[i];
            }

            if (i < titles.Count)
            {
                yield return titles[i];
            }
        }
    }
}
