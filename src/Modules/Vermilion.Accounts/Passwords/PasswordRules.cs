namespace Vermilion.Accounts.Passwords;

/// <summary>
/// What a password must be: 8 to 128 characters, not the username, not on the list of well-known passwords.
/// Length beats composition rules (NIST SP 800-63B), so there is no "one symbol, one digit" rule.
/// </summary>
internal static class PasswordRules
{
    public const int MinLength = 8;
    public const int MaxLength = 128;

    private static readonly HashSet<string> Weak = LoadWeakList();

    /// <summary>Returns the localization key of the first rule broken, or null when the password is acceptable.</summary>
    public static string? Check(string? password, string? username)
    {
        if (string.IsNullOrEmpty(password) || password.Length < MinLength)
        {
            return "accounts.password.too_short";
        }

        if (password.Length > MaxLength)
        {
            return "accounts.password.too_long";
        }

        if (!string.IsNullOrEmpty(username) && password.Contains(username, StringComparison.OrdinalIgnoreCase)
            && password.Length - username.Length < 4)
        {
            return "accounts.password.is_username";
        }

        return Weak.Contains(password) || password.Distinct().Count() <= 2 ? "accounts.password.weak" : null;
    }

    private static HashSet<string> LoadWeakList()
    {
        using var stream = typeof(PasswordRules).Assembly.GetManifestResourceStream("weak-passwords.txt")
            ?? throw new InvalidOperationException("weak-passwords.txt is not embedded.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                set.Add(line.Trim());
            }
        }

        return set;
    }
}
