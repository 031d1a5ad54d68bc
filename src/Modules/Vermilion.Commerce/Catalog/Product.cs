namespace Vermilion.Commerce.Catalog;

internal enum ProductStatus
{
    OffShelf = 0,
    OnShelf = 1,
}

/// <summary>A product (商品) of a store; what is bought is one of its SKUs.</summary>
internal sealed class Product
{
    public const int TitleMax = 60;
    public const int DescriptionMax = 2000;
    public const int ImagesMax = 9;
    public const int SkusMax = 50;

    public long Id { get; init; }

    public long StoreId { get; init; }

    public required string Title { get; set; }

    public string Category { get; set; } = "";

    public string Description { get; set; } = "";

    /// <summary>Attribute lines, "name:value" one per line (材质:棉).</summary>
    public string Attributes { get; set; } = "";

    /// <summary>Media keys of the pictures, comma-separated; the first is the cover.</summary>
    public string ImageKeys { get; set; } = "";

    public ProductStatus Status { get; set; }

    public long? ShippingTemplateId { get; set; }

    /// <summary>七天无理由退货: the buyer may return within seven days of delivery without giving a reason.</summary>
    public bool NoReasonReturn { get; set; }

    /// <summary>The lowest SKU price, kept with the SKUs so cards need no join.</summary>
    public long MinPrice { get; set; }

    public int SoldCount { get; set; }

    public int RatingSum { get; set; }

    public int RatingCount { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    public IReadOnlyList<string> Images => ImageKeys.Split(',', StringSplitOptions.RemoveEmptyEntries);

    public string? CoverKey => Images.Count > 0 ? Images[0] : null;
}

/// <summary>
/// A stock-keeping unit (规格): one combination of spec values with its own price and stock. <see cref="Stocked"/>
/// is everything the merchant ever put in; what is not in <see cref="Stock"/> is held by orders or flash sales,
/// which the reconciliation checks.
/// </summary>
internal sealed class Sku
{
    public long Id { get; init; }

    public long ProductId { get; init; }

    public long StoreId { get; init; }

    /// <summary>Spec values, "name:value" joined by ";" (颜色:红;尺码:M); empty for a product with one SKU.</summary>
    public string Specs { get; set; } = "";

    public long Price { get; set; }

    public long OriginalPrice { get; set; }

    public int Stock { get; set; }

    public int Stocked { get; set; }

    public int Position { get; set; }

    public bool Retired { get; set; }
}
