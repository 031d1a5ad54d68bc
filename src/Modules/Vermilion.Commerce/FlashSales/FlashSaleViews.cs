namespace Vermilion.Commerce.FlashSales;

public sealed record FlashSaleRequest(string? SkuId, long Price, int Quantity, int PerUserLimit, DateTimeOffset? StartsAt, DateTimeOffset? EndsAt);

public sealed record FlashBuyRequest(string? AddressId = null, Orders.AddressRequest? Address = null);

public sealed record FlashSaleView(
    string Id,
    string StoreId,
    string ProductId,
    string SkuId,
    string Title,
    string Specs,
    string? ImageUrl,
    long Price,
    long RegularPrice,
    int Quantity,
    int Remaining,
    int PerUserLimit,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string State);
