using Microsoft.EntityFrameworkCore;

namespace Vermilion.Commerce;

/// <summary>Recognizes a unique-key violation on either provider: the database saying "someone else got there first".</summary>
internal static class DbErrors
{
    public static bool IsUniqueViolation(DbUpdateException error) => IsUniqueViolation(error.InnerException);

    public static bool IsUniqueViolation(Exception? error) => error switch
    {
        Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteErrorCode == 19,
        Npgsql.PostgresException postgres => postgres.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation,
        DbUpdateException update => IsUniqueViolation(update.InnerException),
        _ => false,
    };
}
