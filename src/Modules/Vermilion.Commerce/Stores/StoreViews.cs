namespace Vermilion.Commerce.Stores;

public sealed record StoreApplication(string? Name, string? Kind, string? Description, int? CommissionBasisPoints = null, string? Licence = null);

/// <summary>A change of name, kind or licence waiting for a moderator; shown to the store's owner and to moderators.</summary>
public sealed record StoreChangeView(string Name, string Kind, string? Licence, DateTimeOffset RequestedAt);

public sealed record StoreDecision(bool Approve, string? Note = null);

public sealed record ShippingTemplateRequest(string? Name, long FlatFee, long? FreeAbove, IReadOnlyList<string>? ExcludedRegions);

public sealed record ShippingTemplateView(string Id, string Name, long FlatFee, long? FreeAbove, IReadOnlyList<string> ExcludedRegions);

/// <summary>A store as everyone sees it: badge, rating, and how it answers negative reviews.</summary>
public sealed record StoreView(
    string Id,
    string OwnerId,
    string Name,
    string Kind,
    string Status,
    string Description,
    int CommissionBasisPoints,
    double? Rating,
    int ReviewCount,
    int NegativeReviews,
    double? ReplyRate,
    double? MedianReplyHours,
    int ProductCount,
    DateTimeOffset CreatedAt,
    string? Licence = null,
    StoreChangeView? PendingChange = null);

internal static class StoreNames
{
    public static string Of(StoreKind kind) => kind == StoreKind.Flagship ? "flagship" : "individual";

    public static StoreKind? ParseKind(string? kind) => kind switch
    {
        "flagship" => StoreKind.Flagship,
        "individual" => StoreKind.Individual,
        _ => null,
    };

    public static string Of(StoreStatus status) => status.ToString().ToLowerInvariant();
}
