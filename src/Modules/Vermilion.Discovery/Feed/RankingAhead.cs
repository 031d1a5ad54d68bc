using Microsoft.Extensions.Logging;
using Vermilion.Discovery.Contracts;

namespace Vermilion.Discovery.Feed;

/// <summary>When a ranking was made, by which trained model, from which state of the person's taste.</summary>
internal readonly record struct RankingStamp(DateTimeOffset At, FeedState? Model, long TasteVersion);

/// <summary>A person's next ranking of a feed, made in the background.</summary>
internal sealed record PreparedRanking(Task<List<Candidate>?> Candidates, RankingStamp Stamp);

/// <summary>
/// Ranks ahead. A refresh continues the person's previous ranking while it lasts; the refresh that finds it run dry
/// used to wait for recall and the ranker, the slowest step of the feed and the whole of its tail latency. Once a
/// continued ranking is down to its last few pages, the next one is ranked off the request path from the same
/// model and taste, and the refresh that would have run dry starts from it. Only a few rank at once: when every
/// slot is busy, that refresh ranks for itself, as it always could.
/// </summary>
internal sealed partial class RankingAhead(ILogger<RankingAhead> logger)
{
    private readonly int slots = Math.Max(1, Environment.ProcessorCount);
    private int busy;

    public PreparedRanking? Start(FeedContext context, ICreatorTrust trust, long tasteVersion)
    {
        if (Interlocked.Increment(ref busy) > slots)
        {
            Interlocked.Decrement(ref busy);
            return null;
        }

        var ranking = Task.Run(() =>
        {
            try
            {
                return FeedRanking.Rank(context, trust);
            }
            catch (Exception exception)
            {
                // The refresh that needs a new ranking makes it itself, and meets the same fault where it is reported.
                RankingFailed(logger, exception);
                return null;
            }
            finally
            {
                Interlocked.Decrement(ref busy);
            }
        });
        return new PreparedRanking(ranking, new RankingStamp(context.Now, context.State, tasteVersion));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ranking a feed ahead failed; the refresh that needs it ranks for itself.")]
    private static partial void RankingFailed(ILogger logger, Exception exception);
}
