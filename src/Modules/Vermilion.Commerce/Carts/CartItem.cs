namespace Vermilion.Commerce.Carts;

/// <summary>One SKU in a person's cart, remembering the note it was found on so the creator is credited.</summary>
internal sealed class CartItem
{
    public const int QuantityMax = 99;
    public const int ItemsMax = 100;

    public long UserId { get; init; }

    public long SkuId { get; init; }

    public int Quantity { get; set; }

    public long? NoteId { get; set; }

    public DateTimeOffset AddedAt { get; set; }
}
