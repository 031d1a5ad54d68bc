using Npgsql;
using Vermilion.Kernel.Persistence;

namespace Vermilion.Testing;

/// <summary>
/// A fresh, empty database for one test class: a SQLite file in a temporary folder, or a new PostgreSQL database
/// on the server named by <c>VERMILION_TEST_POSTGRES</c>. Without that variable PostgreSQL tests fail: never skip.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "VERMILION_TEST_POSTGRES";

    private readonly string? _postgresAdmin;
    private readonly string? _postgresName;

    private TestDatabase(DatabaseProvider provider, string connectionString, string dataDirectory, string? admin, string? name)
    {
        Settings = new DatabaseSettings(provider, connectionString, dataDirectory);
        _postgresAdmin = admin;
        _postgresName = name;
    }

    public DatabaseSettings Settings { get; }

    public DatabaseProvider Provider => Settings.Provider;

    public string DataDirectory => Settings.DataDirectory;

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        var directory = Path.Combine(Path.GetTempPath(), "vermilion-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        if (provider == DatabaseProvider.Sqlite)
        {
            return new TestDatabase(provider, DatabaseRegistration.SqliteConnectionString(directory), directory, null, null);
        }

        var admin = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(admin))
        {
            throw new InvalidOperationException(
                $"{PostgresVariable} is not set. Start a server with `eval \"$(scripts/postgres.sh start)\"` (CI does this in .ci/run).");
        }

        var name = "vt_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        return new TestDatabase(provider, builder.ConnectionString, directory, admin, name);
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgresAdmin is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_postgresAdmin);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
        else
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }

        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on the way out is left for the OS to clean.
        }
    }
}
