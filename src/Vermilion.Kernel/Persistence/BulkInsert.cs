using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Vermilion.Kernel.Persistence;

/// <summary>
/// Writes many generated rows into one table as fast as the provider allows: binary COPY on PostgreSQL, one
/// prepared statement reused inside a transaction on SQLite. For generated data (the demo community and
/// benchmarks) — use cases write through their DbContext.
/// </summary>
public static class BulkInsert
{
    private const int SqliteBatch = 50_000;

    /// <summary>Inserts every row (values in <paramref name="columns"/> order); returns how many were written.</summary>
    public static async Task<long> WriteAsync(DbContext db, string table, IReadOnlyList<string> columns, IEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(cancellationToken);
        }

        try
        {
            return connection switch
            {
                NpgsqlConnection postgres => await CopyAsync(postgres, table, columns, rows, cancellationToken),
                SqliteConnection sqlite => await InsertAsync(sqlite, table, columns, rows, cancellationToken),
                _ => throw new NotSupportedException($"Bulk insert is not written for {connection.GetType().Name}."),
            };
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }
    }

    private static async Task<long> CopyAsync(NpgsqlConnection connection, string table, IReadOnlyList<string> columns, IEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        await using var writer = await connection.BeginBinaryImportAsync(
            $"COPY {Quote(table)} ({string.Join(", ", columns.Select(Quote))}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var row in rows)
        {
            await writer.StartRowAsync(cancellationToken);
            foreach (var value in row)
            {
                await (value is null ? writer.WriteNullAsync(cancellationToken) : writer.WriteAsync(value, cancellationToken));
            }
        }

        return (long)await writer.CompleteAsync(cancellationToken);
    }

    private static async Task<long> InsertAsync(SqliteConnection connection, string table, IReadOnlyList<string> columns, IEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        long written = 0;
        using var enumerator = rows.GetEnumerator();
        var more = enumerator.MoveNext();
        while (more)
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"INSERT INTO {Quote(table)} ({string.Join(", ", columns.Select(Quote))}) VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})";
            var parameters = columns.Select((_, i) => command.Parameters.Add(new SqliteParameter { ParameterName = "$p" + i })).ToArray();
            await command.PrepareAsync(cancellationToken);
            for (var inBatch = 0; more && inBatch < SqliteBatch; inBatch++)
            {
                var row = enumerator.Current;
                for (var i = 0; i < parameters.Length; i++)
                {
                    parameters[i].Value = row[i] ?? DBNull.Value;
                }

                await command.ExecuteNonQueryAsync(cancellationToken);
                written++;
                more = enumerator.MoveNext();
            }

            await transaction.CommitAsync(cancellationToken);
        }

        return written;
    }

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
