using Vermilion.Commerce.Contracts;

namespace Vermilion.Server.Cli;

/// <summary>
/// <c>reconcile</c>: the ledger sums to zero, every order's entries match its state, our payments and refunds match
/// the provider's, and stock adds up. Prints the figures and every mismatch; exits 1 if there is any.
/// </summary>
internal static class ReconcileCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, TextWriter output, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<IReconciliation>().RunAsync(cancellationToken);
        foreach (var (name, value) in report.Figures.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            await output.WriteLineAsync($"  {name,-20} {value}");
        }

        foreach (var mismatch in report.Mismatches)
        {
            await output.WriteLineAsync("MISMATCH " + mismatch);
        }

        await output.WriteLineAsync(report.Clean ? "Reconciled: no mismatch." : $"{report.Mismatches.Count} mismatch(es).");
        return report.Clean ? 0 : 1;
    }
}
