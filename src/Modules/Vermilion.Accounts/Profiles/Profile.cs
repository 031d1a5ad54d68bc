namespace Vermilion.Accounts.Profiles;

internal enum Gender
{
    Unspecified = 0,
    Female = 1,
    Male = 2,
}

/// <summary>What others see of a person: nickname, avatar, bio and the rest of the profile homepage header.</summary>
internal sealed class Profile
{
    public const int NicknameMax = 24;
    public const int BioMax = 100;
    public const int CityMax = 40;
    public const int InterestsMax = 10;
    public const int InterestMax = 12;

    public long UserId { get; init; }

    public required string Nickname { get; set; }

    /// <summary>Media key of an uploaded avatar; null means the generated default.</summary>
    public string? AvatarKey { get; set; }

    public string Bio { get; set; } = "";

    public Gender Gender { get; set; }

    public DateOnly? Birthday { get; set; }

    public string City { get; set; } = "";

    /// <summary>Interest tags, comma-separated (兴趣标签).</summary>
    public string Interests { get; set; } = "";

    /// <summary>Province or city of the last sign-in address (IP属地), shown as the reference platform does.</summary>
    public string? IpLocation { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public IReadOnlyList<string> InterestList =>
        Interests.Length == 0 ? [] : Interests.Split(',', StringSplitOptions.RemoveEmptyEntries);
}
