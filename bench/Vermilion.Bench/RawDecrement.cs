using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Vermilion.Bench;

/// <summary>
/// The database's own limit for a flash sale: a bare conditional decrement of one row
/// (<c>UPDATE … SET stock = stock - 1 WHERE id = 1 AND stock > 0</c>) from many concurrent workers, each statement its
/// own transaction, until the units are gone. Runs on a scratch table in the same database the server uses.
/// </summary>
internal static class RawDecrement
{
    public static async Task<(double PerSecond, double Seconds)> RunAsync(string provider, string connectionString, int units, int workers)
    {
        var postgres = provider == "postgres";
        await using (var setup = Open(postgres, connectionString))
        {
            await setup.OpenAsync();
            await ExecuteAsync(setup, "DROP TABLE IF EXISTS bench_stock");
            await ExecuteAsync(setup, "CREATE TABLE bench_stock (id INTEGER PRIMARY KEY, stock INTEGER NOT NULL)");
            await ExecuteAsync(setup, $"INSERT INTO bench_stock (id, stock) VALUES (1, {units})");
        }

        var sold = 0;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(async _ =>
        {
            await using var connection = Open(postgres, connectionString);
            await connection.OpenAsync();
            if (!postgres)
            {
                await ExecuteAsync(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000;");
            }

            while (Volatile.Read(ref sold) < units)
            {
                if (await ExecuteAsync(connection, "UPDATE bench_stock SET stock = stock - 1 WHERE id = 1 AND stock > 0") == 1)
                {
                    Interlocked.Increment(ref sold);
                }
                else
                {
                    break;
                }
            }
        }));
        var seconds = watch.Elapsed.TotalSeconds;
        await using (var cleanup = Open(postgres, connectionString))
        {
            await cleanup.OpenAsync();
            await ExecuteAsync(cleanup, "DROP TABLE bench_stock");
        }

        return (Math.Round(units / seconds, 1), Math.Round(seconds, 2));
    }

    private static DbConnection Open(bool postgres, string connectionString) =>
        postgres ? new NpgsqlConnection(connectionString) : new SqliteConnection(connectionString);

    private static async Task<int> ExecuteAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteNonQueryAsync();
    }
}
