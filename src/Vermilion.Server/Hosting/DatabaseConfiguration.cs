using Vermilion.Kernel.Persistence;

namespace Vermilion.Server.Hosting;

internal static class DatabaseConfiguration
{
    /// <summary>Reads the configuration contract: provider, connection string and data directory.</summary>
    public static DatabaseSettings Read(IConfiguration configuration)
    {
        var dataDirectory = Path.GetFullPath(configuration["Vermilion:DataDirectory"] is { Length: > 0 } d ? d : "data");
        var providerName = configuration["Database:Provider"] is { Length: > 0 } p ? p : nameof(DatabaseProvider.Sqlite);
        if (!Enum.TryParse<DatabaseProvider>(providerName, ignoreCase: true, out var provider))
        {
            throw new InvalidOperationException($"Database:Provider must be Sqlite or Postgres, not '{providerName}'.");
        }

        var connectionString = configuration.GetConnectionString("Vermilion");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            connectionString = provider == DatabaseProvider.Sqlite
                ? DatabaseRegistration.SqliteConnectionString(dataDirectory)
                : throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Vermilion is not set.");
        }

        return new DatabaseSettings(provider, connectionString, dataDirectory);
    }
}
