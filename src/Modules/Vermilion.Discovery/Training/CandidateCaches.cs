using System.Collections.Concurrent;
using Vermilion.Discovery.Catalog;
using Vermilion.Discovery.Recommendation;

namespace Vermilion.Discovery.Training;

/// <summary>One person as training sees them: their id, their history for the engine, and their opinions.</summary>
internal sealed record TrainedPerson(long UserId, UserHistory History, IReadOnlyList<NoteOpinion> Opinions, long LastAt);

/// <summary>
/// Each recently active person's best candidates from the engine, precomputed at training so a request only looks
/// them up (the engine scores every note, which is too slow per request at 200,000 notes). Seen, "not
/// interested" and unrecommendable notes are left out; each candidate the engine found from the person's history
/// names the note of that history that argued for it most, for its reason.
/// </summary>
internal static class CandidateCaches
{
    private const int RecentKept = 20;

    public static Dictionary<long, UserCandidates> Compute(
        RecommenderModel? engine, IReadOnlyList<TrainedPerson> people, CatalogSnapshot catalog, Recommendation.ItemNeighbours neighbours,
        int size, ParallelOptions parallel, IProgress<string>? progress)
    {
        var result = new ConcurrentDictionary<long, UserCandidates>();
        var done = 0;
        Parallel.ForEach(people, parallel, person =>
        {
            var exclude = new HashSet<int>();
            foreach (var opinion in person.Opinions)
            {
                if (opinion.NotInterested || opinion.Impressed)
                {
                    exclude.Add(opinion.Note);
                }
            }

            var recent = person.Opinions.Where(o => o.Weight > 0).OrderByDescending(o => o.FirstAt).Take(RecentKept).ToArray();
            // Unrecommendable notes are few; asking for a few more and dropping them is cheaper than excluding them all.
            var recommended = engine is null || person.History.Count == 0
                ? []
                : engine.Recommend(person.History, size + (size / 5), exclude).Where(r => catalog.IsRecommendable(r.Item)).Take(size).ToList();
            var anchors = recommended.Select(r => Anchor(r, recent, catalog, neighbours)).ToArray();
            result[person.UserId] = new UserCandidates(
                [.. recommended.Select(r => r.Item)],
                [.. recommended.Select(r => r.Score)],
                [.. recommended.Select(r => r.Reason is "trending" or "popular" ? EngineReason.Popular : EngineReason.Similar)],
                anchors,
                [.. recent.Select(o => o.Note)],
                [.. recent.Select(o => (byte)o.Strongest)]);
            if (Interlocked.Increment(ref done) % 5000 == 0)
            {
                progress?.Report($"candidates: {done} of {people.Count} people");
            }
        });
        return new Dictionary<long, UserCandidates>(result);
    }

    /// <summary>The liked note that leads to the candidate: a co-occurrence neighbour first, else the closest in content.</summary>
    private static int Anchor(RecommendedItem item, NoteOpinion[] recent, CatalogSnapshot catalog, Recommendation.ItemNeighbours neighbours)
    {
        if (item.Reason is "trending" or "popular")
        {
            return -1;
        }

        var (best, strength) = (-1, 0f);
        foreach (var opinion in recent)
        {
            var weight = ServingNeighbours.Weight(neighbours, opinion.Note, item.Item);
            if (weight > strength)
            {
                (best, strength) = (opinion.Note, weight);
            }
        }

        if (best >= 0)
        {
            return best;
        }

        var closeness = 0.5f;
        foreach (var opinion in recent)
        {
            var similarity = ContentVectors.Similarity(catalog.VectorOf(opinion.Note), catalog.VectorOf(item.Item));
            if (similarity > closeness)
            {
                (best, closeness) = (opinion.Note, similarity);
            }
        }

        return best;
    }
}
