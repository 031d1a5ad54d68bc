namespace Vermilion.Commerce.Reviews;

/// <summary>
/// A buyer's review of a product from a delivered order: always a verified purchase. A rating of 2 or less is
/// negative and stays "awaiting reply" until the merchant answers.
/// </summary>
internal sealed class Review
{
    public const int TextMax = 500;
    public const int ImagesMax = 6;
    public const int NegativeAtMost = 2;

    public long Id { get; init; }

    public long OrderId { get; init; }

    public long ProductId { get; init; }

    public long StoreId { get; init; }

    public long BuyerId { get; init; }

    public int Rating { get; init; }

    public string Text { get; init; } = "";

    public string ImageKeys { get; init; } = "";

    public string Specs { get; init; } = "";

    public DateTimeOffset CreatedAt { get; init; }

    public string? Reply { get; set; }

    public DateTimeOffset? RepliedAt { get; set; }

    public int HelpfulCount { get; set; }

    public bool IsNegative => Rating <= NegativeAtMost;

    public IReadOnlyList<string> Images => ImageKeys.Split(',', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>"Helpful" on a review, once per person.</summary>
internal sealed class ReviewVote
{
    public long ReviewId { get; init; }

    public long UserId { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}
