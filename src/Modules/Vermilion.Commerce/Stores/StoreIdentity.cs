namespace Vermilion.Commerce.Stores;

/// <summary>
/// What a buyer trusts a store by — its name, its kind and the licence behind a flagship — and the rules for
/// claiming them: a flagship shows its business licence, and only a flagship may call itself official (官方) or
/// flagship (旗舰), since buyers read those words as the brand itself selling.
/// </summary>
internal static class StoreIdentity
{
    /// <summary>A unified social credit code (统一社会信用代码) has 18 characters.</summary>
    public const int LicenceLength = 18;

    private static readonly string[] BrandWords = ["官方", "旗舰", "official", "flagship"];

    public static bool ClaimsBrand(string name) => BrandWords.Any(word => name.Contains(word, StringComparison.OrdinalIgnoreCase));

    /// <summary>Upper-cased without spaces; null when empty.</summary>
    public static string? NormalizeLicence(string? licence) =>
        string.Concat((licence ?? "").Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant() is { Length: > 0 } text ? text : null;

    /// <summary>
    /// 18 characters from the code's alphabet (digits and capitals without I, O, S, V, Z); the check digit is left
    /// to the moderator, who sees the licence itself.
    /// </summary>
    public static bool IsLicence(string licence) =>
        licence.Length == LicenceLength && licence.All(c => c is >= '0' and <= '9' || (c is >= 'A' and <= 'Z' && !"IOSVZ".Contains(c)));
}
