using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Vermilion.Kernel.Persistence;

/// <summary>Tells a lost race on a unique index (the other request got there first) from any other failure.</summary>
public static class UniqueViolation
{
    private const int SqliteConstraint = 19;

    public static bool Is(Exception error) => error switch
    {
        DbUpdateException { InnerException: { } inner } => Is(inner),
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        SqliteException sqlite => sqlite.SqliteErrorCode == SqliteConstraint && sqlite.Message.Contains("UNIQUE", StringComparison.Ordinal),
        _ => false,
    };
}
