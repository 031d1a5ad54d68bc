using Microsoft.Extensions.Localization;

namespace Vermilion.Accounts.Contracts;

/// <summary>
/// How an interest tag reads in the reader's language wherever it is shown: the interests offered at sign-up are
/// stored as the feed channels' own names and translated for display; a person's own words are shown as written.
/// </summary>
public static class InterestNames
{
    /// <summary>The interests offered at sign-up (the feed's channels), in order, with their names in the strings files.</summary>
    private static readonly (string Tag, string Key)[] Named =
    [
        ("美妆", "beauty"), ("穿搭", "fashion"), ("美食", "food"), ("旅行", "travel"), ("家居", "home"), ("情感", "relationships"),
        ("学习", "study"), ("健身", "fitness"), ("母婴", "parenting"), ("数码", "tech"), ("摄影", "photography"), ("宠物", "pets"),
        ("读书", "reading"), ("职场", "career"), ("音乐", "music"), ("电影", "movies"),
    ];

    private static readonly Dictionary<string, string> Keys = Named.ToDictionary(n => n.Tag, n => n.Key, StringComparer.Ordinal);

    /// <summary>The tags offered at sign-up, in the order they are offered.</summary>
    public static IReadOnlyList<string> Offered { get; } = [.. Named.Select(n => n.Tag)];

    public static string Label(string tag, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Keys.TryGetValue(tag, out var key) ? text["accounts.interest." + key].Value : tag;
    }
}
