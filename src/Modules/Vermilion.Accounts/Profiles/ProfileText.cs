using System.Globalization;

namespace Vermilion.Accounts.Profiles;

/// <summary>Length as a person counts it: an emoji or a Chinese character is one.</summary>
internal static class ProfileText
{
    public static int Length(string value) => new StringInfo(value).LengthInTextElements;

    /// <summary>Trims and removes control characters that would break layouts or hide text.</summary>
    public static string Clean(string? value) =>
        new string((value ?? "").Where(c => !char.IsControl(c) || c == '\n').ToArray()).Trim();
}
