namespace Vermilion.Commerce.FlashSales;

/// <summary>
/// 限时秒杀: a SKU at a special price for a time window, with its own units (taken from the SKU's stock when the
/// sale is created) and a limit per person.
/// </summary>
internal sealed class FlashSale
{
    public long Id { get; init; }

    public long StoreId { get; init; }

    public long ProductId { get; init; }

    public long SkuId { get; init; }

    public long Price { get; init; }

    public int Quantity { get; init; }

    public int Remaining { get; set; }

    public int PerUserLimit { get; init; }

    public DateTimeOffset StartsAt { get; init; }

    public DateTimeOffset EndsAt { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>One unit bought by one person: (sale, person, n) is unique with n ≤ the limit, whatever the concurrency.</summary>
internal sealed class FlashPurchase
{
    public long FlashSaleId { get; init; }

    public long UserId { get; init; }

    public int Seq { get; init; }

    public long OrderId { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}
