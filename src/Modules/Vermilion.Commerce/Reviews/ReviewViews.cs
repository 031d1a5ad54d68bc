namespace Vermilion.Commerce.Reviews;

public sealed record ReviewRequest(string? OrderId, int Rating, string? Text, IReadOnlyList<string>? ImageIds = null);

public sealed record ReplyRequest(string? Text);

public sealed record ReviewView(
    string Id,
    string ProductId,
    string OrderId,
    string BuyerId,
    string BuyerName,
    string? BuyerAvatarUrl,
    int Rating,
    string Text,
    IReadOnlyList<string> ImageUrls,
    string Specs,
    bool VerifiedPurchase,
    DateTimeOffset CreatedAt,
    string? Reply,
    DateTimeOffset? RepliedAt,
    bool AwaitingReply,
    int HelpfulCount);
