using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Vermilion.Kernel.Persistence;

/// <summary>
/// Keeps the query planner's statistics current. Without them SQLite guesses, and a guess can turn a join that
/// reads a handful of rows (a reader's few followed creators) into a walk over every note. PostgreSQL keeps its
/// own with autovacuum; after a bulk load both are told at once.
/// </summary>
public sealed partial class PlannerStatistics(DatabaseSettings settings, ILogger<PlannerStatistics> logger) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromHours(6);

    /// <summary>Analyzes every table now: after the demo community or any other bulk load.</summary>
    public static Task RefreshAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        RunAsync(services.GetRequiredService<DatabaseSettings>(), "ANALYZE", cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!settings.IsSqlite)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // 0x10002: look at every table and analyze those whose statistics are missing or stale.
                await RunAsync(settings, "PRAGMA optimize=0x10002;", stoppingToken);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                LogOptimizeFailed(logger, error);
            }

            try
            {
                await Task.Delay(Every, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static async Task RunAsync(DatabaseSettings settings, string sql, CancellationToken cancellationToken)
    {
        await using System.Data.Common.DbConnection connection = settings.IsSqlite
            ? new SqliteConnection(settings.ConnectionString)
            : new NpgsqlConnection(settings.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 600;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refreshing the SQLite planner statistics failed; trying again later.")]
    private static partial void LogOptimizeFailed(ILogger logger, Exception error);
}
