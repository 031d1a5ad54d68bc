namespace Vermilion.Commerce.Contracts;

/// <summary>What the reconciliation found: every mismatch in words, and the totals it checked.</summary>
public sealed record ReconciliationReport(IReadOnlyList<string> Mismatches, IReadOnlyDictionary<string, long> Figures)
{
    public bool Clean => Mismatches.Count == 0;
}

/// <summary>
/// Checks that money and stock add up: the ledger sums to zero and every entry balances, every order's entries
/// match its state, our payments and refunds match the provider's, and every SKU's units are in stock or held by
/// a live order or a flash sale.
/// </summary>
public interface IReconciliation
{
    Task<ReconciliationReport> RunAsync(CancellationToken cancellationToken);
}
