namespace Vermilion.Commerce.Addresses;

/// <summary>A delivery address in a person's address book (收货地址).</summary>
internal sealed class Address
{
    public const int PerPersonMax = 20;

    public long Id { get; init; }

    public long UserId { get; init; }

    public required string Name { get; set; }

    public required string Phone { get; set; }

    /// <summary>The province, which shipping templates may exclude.</summary>
    public required string Region { get; set; }

    public required string City { get; set; }

    public required string Line { get; set; }

    public bool IsDefault { get; set; }

    public DateTimeOffset CreatedAt { get; init; }
}
