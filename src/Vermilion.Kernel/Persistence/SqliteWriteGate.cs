using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Vermilion.Kernel.Persistence;

/// <summary>
/// One SQLite file has one writer at a time. Left to SQLite, transactions waiting for the write lock poll it with
/// sleeps that grow to 100 ms, so under a burst (a flash sale, a checkout storm) most of the time goes to sleeping
/// while the lock is free. This gate queues the process's own transactions on an async semaphore per database file
/// instead, and hands the lock over the moment it is released. It only orders what SQLite would serialize anyway:
/// correctness still rests on SQLite's locking (and a transaction that waits longer than <see cref="Patience"/>
/// goes on to SQLite's own wait, so no path that worked before can hang on the gate).
/// </summary>
internal sealed class SqliteWriteGate : DbTransactionInterceptor
{
    public static readonly SqliteWriteGate Instance = new();

    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    // Which connection holds its file's gate now: released when its transaction ends, or at the latest when the
    // connection closes (a transaction disposed without commit or rollback raises no event of its own).
    private static readonly ConditionalWeakTable<DbConnection, SemaphoreSlim> Held = new();

    public override InterceptionResult<DbTransaction> TransactionStarting(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        var gate = GateOf(connection);
        if (gate.Wait(Patience))
        {
            Held.AddOrUpdate(connection, gate);
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result,
        CancellationToken cancellationToken = default)
    {
        var gate = GateOf(connection);
        if (await gate.WaitAsync(Patience, cancellationToken).ConfigureAwait(false))
        {
            Held.AddOrUpdate(connection, gate);
        }

        return result;
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Release(eventData);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Release(eventData);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData);
        return Task.CompletedTask;
    }

    public override void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData)
    {
        // A failed start or rollback ends the transaction; a failed commit or savepoint leaves it open until it
        // is rolled back or its connection closes.
        if (eventData.Action is not ("Commit" or "CreateSavepoint" or "RollbackToSavepoint" or "ReleaseSavepoint"))
        {
            Release(eventData);
        }
    }

    public override Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionFailed(transaction, eventData);
        return Task.CompletedTask;
    }

    // A committed transaction no longer knows its connection; the context that ran it does.
    private static void Release(TransactionEventData eventData)
    {
        if (eventData.Context is { } context)
        {
            Release(context.Database.GetDbConnection());
        }
    }

    /// <summary>Gives the gate back if this connection holds it; safe to call more than once.</summary>
    public static void Release(DbConnection connection)
    {
        if (Held.TryGetValue(connection, out var gate) && Held.Remove(connection))
        {
            gate.Release();
        }
    }

    /// <summary>Whether no transaction holds the gate of this database file.</summary>
    internal static bool IsFree(string dataSource) => !Gates.TryGetValue(Path.GetFullPath(dataSource), out var gate) || gate.CurrentCount == 1;

    private static SemaphoreSlim GateOf(DbConnection connection) =>
        Gates.GetOrAdd(Path.GetFullPath(connection.DataSource), _ => new SemaphoreSlim(1, 1));
}
