namespace Vermilion.Commerce.AfterSales;

public sealed record AfterSaleRequest(string? Kind, string? Reason, long? Amount, IReadOnlyList<string>? PhotoIds = null);

public sealed record AfterSaleDecision(bool Approve, string? Note = null);

public sealed record ReturnShipmentRequest(string? Carrier, string? TrackingNumber);

public sealed record AfterSaleView(
    string Id,
    string OrderId,
    string Kind,
    string Status,
    string Reason,
    long Amount,
    long Refunded,
    IReadOnlyList<string> PhotoUrls,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DueAt,
    string? ReturnCarrier,
    string? ReturnTracking,
    string? MerchantNote,
    bool AutoApproved);

internal static class AfterSaleNames
{
    public static string Of(AfterSaleKind kind) => kind switch
    {
        AfterSaleKind.RefundOnly => "refund_only",
        AfterSaleKind.ReturnAndRefund => "return_refund",
        _ => "exchange",
    };

    public static AfterSaleKind? ParseKind(string? kind) => kind switch
    {
        "refund_only" => AfterSaleKind.RefundOnly,
        "return_refund" => AfterSaleKind.ReturnAndRefund,
        "exchange" => AfterSaleKind.Exchange,
        _ => null,
    };

    public static string Of(AfterSaleStatus status) => status switch
    {
        AfterSaleStatus.Requested => "requested",
        AfterSaleStatus.Approved => "approved",
        AfterSaleStatus.Rejected => "rejected",
        AfterSaleStatus.ReturnShipped => "return_shipped",
        AfterSaleStatus.Refunded => "refunded",
        AfterSaleStatus.Exchanged => "exchanged",
        _ => "cancelled",
    };

    public static AfterSaleView View(AfterSale a) => new(
        Kernel.Ids.ShortId.Encode(a.Id), Kernel.Ids.ShortId.Encode(a.OrderId), Of(a.Kind), Of(a.Status), a.Reason, a.Amount, a.Refunded,
        [.. a.Photos.Select(p => "/media/" + p)], a.CreatedAt, a.DueAt, a.ReturnCarrier, a.ReturnTracking, a.MerchantNote, a.AutoApproved);
}
