using Vermilion.Discovery.Catalog;
using Vermilion.Discovery.Recommendation;

namespace Vermilion.Discovery.Training;

/// <summary>
/// The signal log turned into what the engine trains on: one history per person who liked anything (their notes
/// in the order they first showed it, each weighted by how: a collect outweighs a click), the ranker's examples,
/// and every note's popularity decayed by the age of each signal.
/// </summary>
internal sealed class TrainingSet
{
    private TrainingSet(InteractionLog log, List<TrainedPerson> people, List<(float[] Features, bool[] Outcomes)> examples, float[] popularity)
    {
        Log = log;
        People = people;
        RankingExamples = examples;
        Popularity = popularity;
    }

    public InteractionLog Log { get; }

    public List<TrainedPerson> People { get; }

    public List<(float[] Features, bool[] Outcomes)> RankingExamples { get; }

    public float[] Popularity { get; }

    /// <summary>
    /// The engine holds back part of the log to choose its settings and blend: below a few dozen people with a few
    /// notes each, that choice is noise, and the feed serves from item neighbours, content and the social graph.
    /// </summary>
    public bool EnoughForTheEngine => Log.Users.Count(u => u.Count >= 2) >= 20 && Log.InteractionCount >= 100;

    public static TrainingSet Build(IReadOnlyDictionary<long, SignalHistory> histories, CatalogSnapshot catalog, DateTimeOffset now, double halfLifeHours)
    {
        var people = new List<TrainedPerson>();
        var interactions = new List<Interaction>();
        var examples = new List<(float[], bool[])>();
        var popularity = new float[catalog.Count];
        var nowTicks = now.UtcTicks;
        var halfLife = TimeSpan.FromHours(Math.Max(1, halfLifeHours)).Ticks;
        var learners = 0;
        foreach (var history in histories.Values.OrderBy(h => h.UserId))
        {
            examples.AddRange(history.RankingExamples());
            var opinions = history.Opinions();
            var liked = opinions.Where(o => o.Weight > 0).ToList();
            foreach (var opinion in liked)
            {
                popularity[opinion.Note] += opinion.Weight * (float)Math.Pow(0.5, Math.Max(0, nowTicks - opinion.FirstAt) / (double)halfLife);
            }

            var index = liked.Count > 0 ? learners++ : -1;
            foreach (var opinion in liked)
            {
                interactions.Add(new Interaction(index, opinion.Note, opinion.FirstAt / TimeSpan.TicksPerSecond, opinion.Weight));
            }

            people.Add(new TrainedPerson(history.UserId, new UserHistory(index, []), opinions, history.LastAt));
        }

        var log = InteractionLog.FromInteractions(interactions, learners, catalog.Count);
        // The engine recommends from the log's own copy of each history (same notes, same order).
        var trained = people.Select(p => p.History.User >= 0 ? p with { History = log.Users[p.History.User] } : p).ToList();
        return new TrainingSet(log, trained, examples, popularity);
    }
}
