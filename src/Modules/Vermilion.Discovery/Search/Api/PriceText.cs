using System.Globalization;

namespace Vermilion.Discovery.Search.Api;

/// <summary>Fen as a price tag reads it: 59 or 59.90 (the yuan sign is the page's).</summary>
internal static class PriceText
{
    public static string Yuan(long fen) =>
        fen % 100 == 0 ? (fen / 100).ToString(CultureInfo.InvariantCulture) : (fen / 100m).ToString("0.00", CultureInfo.InvariantCulture);
}
