using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vermilion.Kernel.Persistence;
using Vermilion.Testing;

namespace Vermilion.Server.Tests;

/// <summary>
/// For every module: the schema its hand-written migrations build must be exactly the schema its model
/// expects (what EnsureCreated builds). A model change without a migration fails here, on both providers.
/// </summary>
public sealed class SchemaDriftTests
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Migrations_BuildExactlyTheModelsSchema(DatabaseProvider provider)
    {
        await using var app = await VermilionApp.StartAsync(provider);
        var modules = app.Services.GetServices<IModuleDatabase>().ToList();
        Assert.NotEmpty(modules);

        foreach (var module in modules)
        {
            await using var migrated = await TestDatabase.CreateAsync(provider);
            await using var modelled = await TestDatabase.CreateAsync(provider);
            await using var byMigrations = Create(module.ContextType, migrated.Settings);
            await using var byModel = Create(module.ContextType, modelled.Settings);

            await byMigrations.Database.MigrateAsync();
            await byModel.Database.EnsureCreatedAsync();
            var history = ((ModuleDbContext)byMigrations).MigrationsTable;
            var expected = await SchemaSnapshot.ReadAsync(byModel, provider, history);
            var actual = await SchemaSnapshot.ReadAsync(byMigrations, provider, history);

            Assert.True(expected.SetEquals(actual),
                $"{module.Module} drifted.\nOnly in the model:\n  {string.Join("\n  ", expected.Except(actual))}\nOnly in the migrations:\n  {string.Join("\n  ", actual.Except(expected))}");
        }
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Migrate_TwiceInARow_ChangesNothing(DatabaseProvider provider)
    {
        await using var app = await VermilionApp.StartAsync(provider);

        await Migrator.MigrateAllAsync(app.Services);

        foreach (var module in app.Services.GetServices<IModuleDatabase>())
        {
            Assert.Empty(await module.PendingMigrationsAsync(app.Services, CancellationToken.None));
        }
    }

    private static DbContext Create(Type contextType, DatabaseSettings settings)
    {
        var builder = (DbContextOptionsBuilder)Activator.CreateInstance(typeof(DbContextOptionsBuilder<>).MakeGenericType(contextType))!;
        var probe = (ModuleDbContext)Activator.CreateInstance(contextType, BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic, null, [builder.Options], null)!;
        var history = probe.MigrationsTable;
        probe.Dispose();
        if (settings.IsSqlite)
        {
            builder.UseSqlite(settings.ConnectionString, o => o.MigrationsHistoryTable(history));
        }
        else
        {
            builder.UseNpgsql(settings.ConnectionString, o => o.MigrationsHistoryTable(history));
        }

        return (DbContext)Activator.CreateInstance(contextType, BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic, null, [builder.Options], null)!;
    }
}
