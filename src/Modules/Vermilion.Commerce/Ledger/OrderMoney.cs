using Microsoft.EntityFrameworkCore;
using Vermilion.Commerce.Orders;
using Vermilion.Kernel.Finance;
using Vermilion.Kernel.Ids;

namespace Vermilion.Commerce.Ledger;

/// <summary>The entries an order's money goes through: capture into escrow, refunds, settlement to the seller.</summary>
internal static class OrderMoney
{
    /// <summary>The buyer's payment (and the platform's coupon) go into escrow.</summary>
    public static void Capture(CommerceDb db, IdGenerator ids, Order order, string key, DateTimeOffset at) =>
        LedgerBook.Post(db, ids, key, "capture", order.Id, at,
            (LedgerAccounts.Buyer(order.BuyerId), -order.Total),
            (LedgerAccounts.Platform, -order.PlatformDiscount),
            (LedgerAccounts.Escrow, order.EscrowFunded));

    /// <summary>
    /// A refund: from escrow before the order completed; after it, back out of what settlement paid, in the same
    /// proportions (the creator's commission and the platform fee are reversed with it).
    /// </summary>
    public static async Task RefundAsync(CommerceDb db, IdGenerator ids, Order order, long refundId, long amount, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var key = "refund:" + ShortId.Encode(refundId);
        if (order.Status != OrderStatus.Completed)
        {
            LedgerBook.Post(db, ids, key, "refund", order.Id, at, (LedgerAccounts.Escrow, -amount), (LedgerAccounts.Buyer(order.BuyerId), amount));
            return;
        }

        var settlementKey = "settle:" + ShortId.Encode(order.Id);
        var settled = await db.LedgerEntries.Where(e => e.Key == settlementKey)
            .Join(db.LedgerPostings, e => e.Id, p => p.EntryId, (e, p) => p).ToListAsync(cancellationToken);
        var paidOut = settled.Sum(p => Math.Max(0, p.Amount));
        long Back(string account) => paidOut == 0 ? 0 : settled.Where(p => p.Account == account).Sum(p => p.Amount) * amount / paidOut;
        var creator = CreatorAccount(order);
        var commission = creator == LedgerAccounts.Platform ? 0 : Back(creator);
        var fee = Back(LedgerAccounts.Platform);
        LedgerBook.Post(db, ids, key, "refund", order.Id, at,
            (LedgerAccounts.Buyer(order.BuyerId), amount),
            (creator, -commission),
            (LedgerAccounts.Platform, -fee),
            (LedgerAccounts.Seller(order.StoreId), -(amount - commission - fee)));
    }

    /// <summary>On completion escrow pays out what is left: the creator's commission, the platform fee, the rest to the seller.</summary>
    public static void Settle(CommerceDb db, IdGenerator ids, Order order, DateTimeOffset at)
    {
        var remaining = order.EscrowFunded - order.Refunded;
        var (commission, fee) = Cuts(order, Money.Fen(remaining));
        LedgerBook.Post(db, ids, "settle:" + ShortId.Encode(order.Id), "settle", order.Id, at,
            (LedgerAccounts.Escrow, -remaining),
            (CreatorAccount(order), commission),
            (LedgerAccounts.Platform, fee),
            (LedgerAccounts.Seller(order.StoreId), remaining - commission - fee));
    }

    /// <summary>An order refunded in full before completion hands the platform's coupon money back.</summary>
    public static void Unwind(CommerceDb db, IdGenerator ids, Order order, DateTimeOffset at)
    {
        var left = order.EscrowFunded - order.Refunded;
        if (left > 0)
        {
            LedgerBook.Post(db, ids, "unwind:" + ShortId.Encode(order.Id), "unwind", order.Id, at, (LedgerAccounts.Escrow, -left), (LedgerAccounts.Platform, left));
        }
    }

    private static string CreatorAccount(Order order) => order.CreatorId is { } creator ? LedgerAccounts.Creator(creator) : LedgerAccounts.Platform;

    /// <summary>Commission is on goods, not on shipping; both cuts round down so the seller's share never goes negative.</summary>
    private static (long Commission, long Fee) Cuts(Order order, Money amount)
    {
        var goods = Money.Fen(Math.Max(0, amount.Minor - order.ShippingFee));
        var commission = order.CreatorId is null ? 0 : goods.Share(order.CommissionBasisPoints).Minor;
        var fee = amount.Share(order.PlatformFeeBasisPoints).Minor;
        return (commission, fee);
    }
}
