using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Vermilion.Kernel.Persistence;

/// <summary>
/// Reads a column of ids with one fixed statement on the context's connection (and transaction), for the questions
/// asked on every request of a hot page, where building and caching a LINQ query cost more than the query itself.
/// </summary>
public static class RawIds
{
    public static async Task<List<long>> ReadAsync(DbContext db, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] arguments)
    {
        var found = new List<long>();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = connection.CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandText = sql;
            foreach (var (name, value) in arguments)
            {
                Add(command, name, value);
            }

            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                found.Add(reader.GetInt64(0));
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return found;
    }

    /// <summary>A list of ids as one statement argument: JSON text for SQLite's json_each, an array for PostgreSQL.</summary>
    public static object List(DatabaseSettings settings, IEnumerable<long> ids) =>
        settings.IsSqlite ? "[" + string.Join(',', ids) + "]" : ids.ToArray();

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
