using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Vermilion.Kernel.Persistence;

/// <summary>Tells a module context its transaction ended, so events saved inside it wake the dispatcher at the commit.</summary>
internal sealed class OutboxCommitSignal : DbTransactionInterceptor
{
    public static readonly OutboxCommitSignal Instance = new();

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Ended(eventData, true);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Ended(eventData, true);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Ended(eventData, false);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Ended(eventData, false);
        return Task.CompletedTask;
    }

    private static void Ended(TransactionEndEventData eventData, bool committed) =>
        (eventData.Context as ModuleDbContext)?.TransactionEnded(committed);
}
