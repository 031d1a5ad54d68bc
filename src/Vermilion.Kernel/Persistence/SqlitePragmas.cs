using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Vermilion.Kernel.Persistence;

/// <summary>
/// Per-connection SQLite settings: WAL lets readers run beside the one writer; NORMAL sync is durable in WAL mode
/// except for the last transactions on power loss, the usual trade for a server. They belong to the native
/// connection, which the pool keeps open between uses, so each native connection runs them once, not on every open
/// (a request opens a pooled connection for each query it runs).
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    public static readonly SqlitePragmas Instance = new();

    private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000;";

    private static readonly ConditionalWeakTable<object, object> Applied = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (AlreadyApplied(connection))
        {
            return;
        }

        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
        MarkApplied(connection);
    }

    public override InterceptionResult ConnectionClosing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        SqliteWriteGate.Release(connection);
        return result;
    }

    public override ValueTask<InterceptionResult> ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        SqliteWriteGate.Release(connection);
        return ValueTask.FromResult(result);
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (AlreadyApplied(connection))
        {
            return;
        }

        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        MarkApplied(connection);
    }

    private static bool AlreadyApplied(DbConnection connection) =>
        connection is SqliteConnection { Handle: { } handle } && Applied.TryGetValue(handle, out _);

    private static void MarkApplied(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle })
        {
            Applied.AddOrUpdate(handle, Applied);
        }
    }
}
