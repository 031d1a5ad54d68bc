using Vermilion.Kernel.Persistence;
using Xunit;

namespace Vermilion.Testing;

/// <summary>Theory data that runs a database test once per provider.</summary>
public static class Providers
{
    public static TheoryData<DatabaseProvider> Both => new() { DatabaseProvider.Sqlite, DatabaseProvider.Postgres };
}
