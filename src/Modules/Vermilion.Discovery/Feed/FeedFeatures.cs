namespace Vermilion.Discovery.Feed;

/// <summary>
/// What the ranker knows about a candidate for one person, each scaled to about 0–1: how each recall source
/// argued for it, how it matches their taste, and what it is. The order is part of stored impressions: append
/// new features at the end, never reorder.
/// </summary>
internal static class FeedFeatures
{
    public const int CacheScore = 0;
    public const int CacheRank = 1;
    public const int Related = 2;
    public const int Following = 3;
    public const int SameCity = 4;
    public const int Trending = 5;
    public const int Freshness = 6;
    public const int Taste = 7;
    public const int Interest = 8;
    public const int ChannelAffinity = 9;
    public const int AuthorAffinity = 10;
    public const int Engagement = 11;
    public const int SearchMatch = 12;
    public const int Video = 13;
    public const int Sources = 14;

    public const int Count = 15;

    public static readonly IReadOnlyList<string> Names =
    [
        "cache.score", "cache.rank", "related", "following", "same-city", "trending", "freshness", "taste", "interest",
        "channel-affinity", "author-affinity", "engagement", "search-match", "video", "sources",
    ];

    public static byte[] ToBytes(ReadOnlySpan<float> features)
    {
        var bytes = new byte[features.Length * sizeof(float)];
        System.Runtime.InteropServices.MemoryMarshal.AsBytes(features).CopyTo(bytes);
        return bytes;
    }

    /// <summary>Features stored with an impression; a shorter row from an older version is padded with zeros.</summary>
    public static float[] FromBytes(byte[] bytes)
    {
        var features = new float[Count];
        var stored = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(bytes.AsSpan(0, bytes.Length - (bytes.Length % sizeof(float))));
        stored[..Math.Min(stored.Length, Count)].CopyTo(features);
        return features;
    }
}

/// <summary>The outcomes the ranker predicts for an impression (multi-objective ranking).</summary>
internal enum Objective
{
    Click = 0,
    LongDwell = 1,
    Like = 2,
    Collect = 3,
    Comment = 4,
}
