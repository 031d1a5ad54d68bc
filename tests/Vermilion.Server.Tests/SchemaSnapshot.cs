using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Vermilion.Kernel.Persistence;

namespace Vermilion.Server.Tests;

/// <summary>What a database really holds: tables, columns (type, nullability) and indexes (uniqueness, columns).</summary>
internal static class SchemaSnapshot
{
    public static async Task<SortedSet<string>> ReadAsync(DbContext db, DatabaseProvider provider, string excludeTable)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        try
        {
            var facts = provider == DatabaseProvider.Sqlite ? await SqliteAsync(connection) : await PostgresAsync(connection);
            // The history table and SQLite's migration lock belong to EF, not to the module's model.
            foreach (var table in new[] { excludeTable, "__EFMigrationsLock" })
            {
                facts.RemoveWhere(f => f.StartsWith(table + " ", StringComparison.Ordinal) || f.StartsWith(table + ".", StringComparison.Ordinal));
            }

            return facts;
        }
        finally
        {
            await connection.CloseAsync();
        }
    }

    private static async Task<SortedSet<string>> SqliteAsync(DbConnection connection)
    {
        var facts = new SortedSet<string>(StringComparer.Ordinal);
        // FTS5 virtual tables (and the shadow tables behind them) are written by hand in migrations: EF cannot
        // model them, so they are not compared here; the owning module's tests query them.
        var virtualTables = await ListAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'");
        var tables = (await ListAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"))
            .Where(t => !virtualTables.Any(v => t == v || t.StartsWith(v + "_", StringComparison.Ordinal)));
        foreach (var table in tables)
        {
            facts.Add(table + " table");
            foreach (var row in await RowsAsync(connection, $"PRAGMA table_info(\"{table}\")"))
            {
                facts.Add($"{table}.{row[1]} {row[2]} notnull={row[3]} pk={row[5]}");
            }

            foreach (var index in await RowsAsync(connection, $"PRAGMA index_list(\"{table}\")"))
            {
                if ($"{index[3]}" == "pk")
                {
                    continue;
                }

                var columns = await RowsAsync(connection, $"PRAGMA index_info(\"{index[1]}\")");
                facts.Add($"{table} index {index[1]} unique={index[2]} ({string.Join(",", columns.Select(c => c[2]))})");
            }
        }

        return facts;
    }

    private static async Task<SortedSet<string>> PostgresAsync(DbConnection connection)
    {
        var facts = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var row in await RowsAsync(connection,
            "SELECT table_name, column_name, data_type, coalesce(character_maximum_length, 0), is_nullable, coalesce(column_default, '') " +
            "FROM information_schema.columns WHERE table_schema = 'public'"))
        {
            facts.Add($"{row[0]} table");
            facts.Add($"{row[0]}.{row[1]} {row[2]}({row[3]}) nullable={row[4]} default={row[5]}");
        }

        foreach (var row in await RowsAsync(connection, "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'"))
        {
            facts.Add($"{row[0]} index {row[1]} {row[2]}");
        }

        return facts;
    }

    private static async Task<List<string>> ListAsync(DbConnection connection, string sql) =>
        [.. (await RowsAsync(connection, sql)).Select(r => $"{r[0]}")];

    private static async Task<List<object[]>> RowsAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object[]>();
        while (await reader.ReadAsync())
        {
            var values = new object[reader.FieldCount];
            reader.GetValues(values);
            rows.Add(values);
        }

        return rows;
    }
}
