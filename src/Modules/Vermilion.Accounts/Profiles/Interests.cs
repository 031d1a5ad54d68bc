using Microsoft.Extensions.Localization;
using Vermilion.Kernel.Errors;

namespace Vermilion.Accounts.Profiles;

/// <summary>Interest tags: the categories offered at sign-up, or a person's own words, at most ten.</summary>
internal static class Interests
{
    /// <summary>The channels the discovery feed offers; picked at sign-up so a new person's first feed is theirs.</summary>
    public static IReadOnlyList<string> Offered => Contracts.InterestNames.Offered;

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
