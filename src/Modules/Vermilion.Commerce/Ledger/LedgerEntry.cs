namespace Vermilion.Commerce.Ledger;

/// <summary>
/// One balanced journal entry (记账凭证): its postings sum to zero. <see cref="Key"/> names the business event
/// (capture of an order, its settlement, a refund), so the same event can never be booked twice.
/// </summary>
internal sealed class LedgerEntry
{
    public long Id { get; init; }

    public required string Key { get; init; }

    public required string Kind { get; init; }

    public long? OrderId { get; init; }

    public DateTimeOffset At { get; init; }

    public List<LedgerPosting> Postings { get; init; } = [];
}

/// <summary>A movement on one account: positive is money in, negative money out.</summary>
internal sealed class LedgerPosting
{
    public long EntryId { get; init; }

    public required string Account { get; init; }

    public long? OrderId { get; init; }

    public long Amount { get; init; }
}
