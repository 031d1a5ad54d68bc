using System.Globalization;

namespace Vermilion.Commerce.Pages;

/// <summary>Fen shown as yuan, the way price tags read: ¥59 or ¥59.90.</summary>
internal static class Money
{
    public static string Yuan(long fen) =>
        fen % 100 == 0 ? (fen / 100).ToString(CultureInfo.InvariantCulture) : (fen / 100m).ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>Reads "59.9" or "59" as fen; null for anything else.</summary>
    public static long? Fen(string? yuan) =>
        decimal.TryParse(yuan, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && value >= 0 && value <= 10_000_000 && decimal.Round(value, 2) == value
            ? (long)(value * 100)
            : null;
}
