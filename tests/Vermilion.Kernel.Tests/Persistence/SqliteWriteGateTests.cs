using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Vermilion.Kernel.Ids;
using Vermilion.Kernel.Persistence;
using Vermilion.Kernel.Tests.Events;
using Vermilion.Testing;

namespace Vermilion.Kernel.Tests.Persistence;

public sealed class SqliteWriteGateTests
{
    [Fact]
    public async Task ManyConcurrentTransactions_AllCommit_AndLeaveTheGateFree()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var services = await BuildAsync(database);

        await Task.WhenAll(Enumerable.Range(1, 200).Select(number => Task.Run(async () =>
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ProbeDb>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            _ = await db.Effects.CountAsync();
            db.Effects.Add(new ProbeEffect { Number = number });
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        })));

        await using var check = services.CreateAsyncScope();
        Assert.Equal(200, await check.ServiceProvider.GetRequiredService<ProbeDb>().Effects.CountAsync());
        Assert.True(SqliteWriteGate.IsFree(DataSource(database)));
    }

    [Fact]
    public async Task ATransactionRolledBack_GivesTheGateBackAtOnce()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var services = await BuildAsync(database);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProbeDb>();

        await using var transaction = await db.Database.BeginTransactionAsync();
        Assert.False(SqliteWriteGate.IsFree(DataSource(database)));
        await transaction.RollbackAsync();

        Assert.True(SqliteWriteGate.IsFree(DataSource(database)));
    }

    [Fact]
    public async Task ATransactionDisposedWithoutCommit_GivesTheGateBack_AndWritesNothing()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var services = await BuildAsync(database);
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ProbeDb>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Effects.Add(new ProbeEffect { Number = 1 });
            await db.SaveChangesAsync();
            // Leaves without commit or rollback, as a handler returning early does.
        }

        Assert.True(SqliteWriteGate.IsFree(DataSource(database)));
        await using var check = services.CreateAsyncScope();
        Assert.Equal(0, await check.ServiceProvider.GetRequiredService<ProbeDb>().Effects.CountAsync());
    }

    private static string DataSource(TestDatabase database) => Path.Combine(database.DataDirectory, "vermilion.db");

    private static async Task<ServiceProvider> BuildAsync(TestDatabase database)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(database.Settings);
        services.AddKernel(new ConfigurationBuilder().Build());
        services.AddModuleDb<ProbeDb>("probe");
        var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ProbeDb>().Database.EnsureCreatedAsync();
        return provider;
    }
}
