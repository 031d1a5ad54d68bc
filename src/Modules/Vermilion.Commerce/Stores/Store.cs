namespace Vermilion.Commerce.Stores;

internal enum StoreKind
{
    Individual = 0,
    Flagship = 1,
}

internal enum StoreStatus
{
    Pending = 0,
    Approved = 1,
    Rejected = 2,
    Suspended = 3,
}

/// <summary>A shop (店铺): a brand flagship or an individual seller, opened by a person and approved by a moderator.</summary>
internal sealed class Store
{
    public const int NameMax = 30;
    public const int DescriptionMax = 500;

    public long Id { get; init; }

    public long OwnerId { get; init; }

    public required string Name { get; set; }

    public StoreKind Kind { get; set; }

    public StoreStatus Status { get; set; }

    public string Description { get; set; } = "";

    /// <summary>The business licence number (统一社会信用代码) the store was approved with: a flagship's evidence.</summary>
    public string? Licence { get; set; }

    /// <summary>
    /// A change of name, kind or licence waiting for a moderator (set with <see cref="ChangeRequestedAt"/>): the store
    /// keeps trading under what was approved until the change is.
    /// </summary>
    public string? PendingName { get; set; }

    public StoreKind? PendingKind { get; set; }

    public string? PendingLicence { get; set; }

    public DateTimeOffset? ChangeRequestedAt { get; set; }

    /// <summary>What a creator earns for selling this store's products from a note, in basis points; 0 offers none.</summary>
    public int CommissionBasisPoints { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? DecidedAt { get; set; }

    public long? DecidedBy { get; set; }

    public string? DecisionNote { get; set; }

    public int RatingSum { get; set; }

    public int RatingCount { get; set; }
}

/// <summary>How a store charges for delivery (运费模板): a flat fee, free above an amount, regions it does not ship to.</summary>
internal sealed class ShippingTemplate
{
    public long Id { get; init; }

    public long StoreId { get; init; }

    public required string Name { get; set; }

    public long FlatFee { get; set; }

    public long? FreeAbove { get; set; }

    /// <summary>Province names, comma-separated, that the store does not deliver to.</summary>
    public string ExcludedRegions { get; set; } = "";

    public DateTimeOffset CreatedAt { get; init; }

    public IReadOnlyList<string> Excluded => ExcludedRegions.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The fee for goods worth <paramref name="subtotal"/> from this template.</summary>
    public long FeeFor(long subtotal) => FreeAbove is { } free && subtotal >= free ? 0 : FlatFee;
}
