using System.Diagnostics.Metrics;

namespace Vermilion.Discovery.Feed;

/// <summary>
/// What the feed reports to metrics (meter "Vermilion.Discovery"): how each first page got its ranking — ranked
/// while the person waited, continued from the previous one, or taken from one ranked ahead. Waiting is the slow
/// path; an operator watching it grow knows refreshes outpace ranking ahead.
/// </summary>
internal sealed class FeedMetrics
{
    public const string MeterName = "Vermilion.Discovery";

    private readonly Counter<long> firstPages;

    public FeedMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        firstPages = meter.CreateCounter<long>("vermilion.feed.first_pages", description: "First pages of a personalized feed, by how their ranking was had.");
    }

    public void RankedWhileWaiting() => firstPages.Add(1, new KeyValuePair<string, object?>("ranking", "waited"));

    public void Continued() => firstPages.Add(1, new KeyValuePair<string, object?>("ranking", "continued"));

    public void RankedAhead() => firstPages.Add(1, new KeyValuePair<string, object?>("ranking", "ahead"));
}
