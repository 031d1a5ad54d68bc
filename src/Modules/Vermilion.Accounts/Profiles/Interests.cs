using Microsoft.Extensions.Localization;
using Vermilion.Kernel.Errors;

namespace Vermilion.Accounts.Profiles;

/// <summary>Interest tags: the categories offered at sign-up, or a person's own words, at most ten.</summary>
internal static class Interests
{
    /// <summary>The channels the discovery feed offers; picked at sign-up so a new person's first feed is theirs.</summary>
    public static readonly IReadOnlyList<string> Offered =
        ["美妆", "穿搭", "美食", "旅行", "家居", "情感", "学习", "健身", "母婴", "数码", "摄影", "宠物", "读书", "职场", "音乐", "电影"];

    /// <summary>What a tag reads as in the reader's language (see <see cref="Contracts.InterestNames"/>).</summary>
    public static string Label(string tag, IStringLocalizer text) => Contracts.InterestNames.Label(tag, text);

    public static List<string> Normalize(IEnumerable<string>? tags, FieldErrors errors, IStringLocalizer text)
    {
        var result = (tags ?? []).Select(ProfileText.Clean).Where(t => t.Length > 0)
            .Select(t => t.Replace(",", "", StringComparison.Ordinal)).Distinct(StringComparer.Ordinal).ToList();
        if (result.Count > Profile.InterestsMax)
        {
            errors.Add("interests", text["accounts.interests.too_many", Profile.InterestsMax]);
        }
        else if (result.Any(t => ProfileText.Length(t) > Profile.InterestMax))
        {
            errors.Add("interests", text["accounts.interests.too_long", Profile.InterestMax]);
        }

        return result;
    }
}
