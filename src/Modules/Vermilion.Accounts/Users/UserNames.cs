using System.Net.Mail;
using System.Text.RegularExpressions;

namespace Vermilion.Accounts.Users;

/// <summary>The shape of usernames and e-mail addresses, and their normal (lower-case) forms for uniqueness.</summary>
internal static partial class UserNames
{
    public const int MinLength = 3;
    public const int MaxLength = 20;

    public static string Normalize(string value) => value.Trim().ToLowerInvariant();

    public static bool IsValidUsername(string value) => UsernamePattern().IsMatch(value);

    public static bool IsValidEmail(string value) =>
        value.Length <= 254 && MailAddress.TryCreate(value, out var address) && address.Address == value && value.Contains('.', StringComparison.Ordinal);

    public static bool LooksLikeEmail(string value) => value.Contains('@', StringComparison.Ordinal);

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]{2,19}$")]
    private static partial Regex UsernamePattern();
}
