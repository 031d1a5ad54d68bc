using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Vermilion.Discovery.Search.Index.FullText;

/// <summary>Runs a hand-written query on the context's connection with named parameters and reads its rows.</summary>
internal static class SqlReader
{
    public static async Task<List<T>> ReadAsync<T>(SearchDb db, string sql, IEnumerable<(string Name, object Value)> parameters, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = sql;
            foreach (var (name, value) in parameters)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = value;
                command.Parameters.Add(parameter);
            }

            var found = new List<T>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                found.Add(read(reader));
            }

            return found;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
