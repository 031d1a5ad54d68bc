namespace Vermilion.Discovery.Catalog;

/// <summary>
/// The feed's copy of a community note: what recall, ranking, channels, nearby and reasons need, kept current
/// from the community's events and caught up in bulk from its export. <see cref="Recommendable"/> is true only for
/// published public notes; the community checks visibility again when it makes the cards.
/// </summary>
internal sealed class FeedNote
{
    public const int TitleMax = 80;
    public const int ExcerptMax = 200;
    public const int TopicsMax = 400;

    public long Id { get; set; }

    public long AuthorId { get; set; }

    public string Type { get; set; } = "";

    public string Title { get; set; } = "";

    /// <summary>The start of the body, for content vectors.</summary>
    public string Excerpt { get; set; } = "";

    /// <summary>Topics, one per line.</summary>
    public string Topics { get; set; } = "";

    public string City { get; set; } = "";

    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    public DateTimeOffset PublishedAt { get; set; }

    public bool Recommendable { get; set; }

    public int Likes { get; set; }

    public int Collects { get; set; }

    public int Comments { get; set; }

    public DateTimeOffset ChangedAt { get; set; }

    public IReadOnlyList<string> TopicList => Topics.Length == 0 ? [] : Topics.Split('\n');
}
