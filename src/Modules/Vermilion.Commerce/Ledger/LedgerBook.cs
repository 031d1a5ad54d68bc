using Vermilion.Kernel.Ids;

namespace Vermilion.Commerce.Ledger;

/// <summary>The ledger's accounts: every balance is the sum of its postings.</summary>
internal static class LedgerAccounts
{
    /// <summary>Money the platform holds for orders not yet completed (担保交易).</summary>
    public const string Escrow = "escrow";

    /// <summary>The platform's own money: fees in, coupon subsidies out.</summary>
    public const string Platform = "platform";

    /// <summary>The outside world as seen from one buyer: negative by what they paid in, net of refunds.</summary>
    public static string Buyer(long userId) => "buyer:" + ShortId.Encode(userId);

    public static string Seller(long storeId) => "seller:" + ShortId.Encode(storeId);

    public static string Creator(long userId) => "creator:" + ShortId.Encode(userId);
}

/// <summary>Books balanced entries; an entry that does not sum to zero is a bug and is refused.</summary>
internal static class LedgerBook
{
    public static LedgerEntry Post(CommerceDb db, IdGenerator ids, string key, string kind, long? orderId, DateTimeOffset at, params (string Account, long Amount)[] postings)
    {
        if (postings.Sum(p => p.Amount) != 0)
        {
            throw new InvalidOperationException($"Ledger entry {key} does not balance.");
        }

        var entry = new LedgerEntry { Id = ids.Next(), Key = key, Kind = kind, OrderId = orderId, At = at };
        foreach (var group in postings.GroupBy(p => p.Account))
        {
            var amount = group.Sum(p => p.Amount);
            if (amount != 0)
            {
                entry.Postings.Add(new LedgerPosting { EntryId = entry.Id, Account = group.Key, OrderId = orderId, Amount = amount });
            }
        }

        db.LedgerEntries.Add(entry);
        return entry;
    }
}
