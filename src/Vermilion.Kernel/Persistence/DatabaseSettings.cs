namespace Vermilion.Kernel.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// The configuration contract: <c>Database:Provider</c>, <c>ConnectionStrings:Vermilion</c>, <c>Vermilion:DataDirectory</c>.
/// </summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString, string DataDirectory)
{
    public bool IsSqlite => Provider == DatabaseProvider.Sqlite;
}
