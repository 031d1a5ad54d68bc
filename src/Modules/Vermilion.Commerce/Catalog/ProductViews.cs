namespace Vermilion.Commerce.Catalog;

public sealed record SkuRequest(string? Id, string? Specs, long Price, long OriginalPrice, int Stock);

public sealed record ProductRequest(
    string? Title,
    string? Category,
    string? Description,
    string? Attributes,
    IReadOnlyList<string>? ImageIds,
    string? ShippingTemplateId,
    bool NoReasonReturn,
    bool OnShelf,
    IReadOnlyList<SkuRequest>? Skus);

public sealed record StockChange(int Delta);

public sealed record SkuView(string Id, string Specs, long Price, long OriginalPrice, int Stock, bool SoldOut);

public sealed record ProductCardView(string Id, string Title, string? CoverUrl, long Price, long OriginalPrice, double? Rating, int RatingCount, int Sold, bool InStock, string StoreId, string StoreName);

public sealed record ProductView(
    string Id,
    string StoreId,
    string StoreName,
    string StoreKind,
    string Title,
    string Category,
    string Description,
    IReadOnlyList<KeyValuePair<string, string>> Attributes,
    IReadOnlyList<string> ImageUrls,
    IReadOnlyList<string> ImageIds,
    string? ShippingTemplateId,
    bool NoReasonReturn,
    bool OnShelf,
    long Price,
    double? Rating,
    int RatingCount,
    int Sold,
    IReadOnlyList<SkuView> Skus,
    IReadOnlyList<SpecGroup> SpecGroups);

/// <summary>One spec name and the values its SKUs use (颜色: 红, 蓝), for the picker.</summary>
public sealed record SpecGroup(string Name, IReadOnlyList<string> Values);

internal static class Specs
{
    /// <summary>Reads "颜色:红;尺码:M" into ordered pairs; the canonical form joins them back the same way.</summary>
    public static List<KeyValuePair<string, string>> Parse(string? specs) =>
        [.. (specs ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Split(':', 2, StringSplitOptions.TrimEntries))
            .Select(p => new KeyValuePair<string, string>(p[0], p.Length > 1 ? p[1] : ""))];

    public static string Canonical(IEnumerable<KeyValuePair<string, string>> pairs) => string.Join(';', pairs.Select(p => $"{p.Key}:{p.Value}"));

    public static List<SpecGroup> Groups(IEnumerable<string> skuSpecs)
    {
        var groups = new List<(string Name, List<string> Values)>();
        foreach (var pair in skuSpecs.SelectMany(Parse))
        {
            var group = groups.FirstOrDefault(g => g.Name == pair.Key);
            if (group.Name is null)
            {
                groups.Add(group = (pair.Key, []));
            }

            if (!group.Values.Contains(pair.Value))
            {
                group.Values.Add(pair.Value);
            }
        }

        return [.. groups.Select(g => new SpecGroup(g.Name, g.Values))];
    }
}

public sealed record ShelfRequest(bool OnShelf);
