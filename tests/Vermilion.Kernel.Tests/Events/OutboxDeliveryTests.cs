using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Vermilion.Kernel.Events;
using Vermilion.Kernel.Ids;
using Vermilion.Kernel.Persistence;
using Vermilion.Testing;

namespace Vermilion.Kernel.Tests.Events;

public sealed class OutboxDeliveryTests
{
    private const int Messages = 50;

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Delivery_KilledMidway_LosesNothingAndDoublesNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = Build(database);
        await CreateSchemaAsync(services);
        await RaiseAsync(services, Messages);
        var dispatcher = services.GetRequiredService<OutboxDispatcher>();
        var crash = services.GetRequiredService<CrashSwitch>();

        // First run: the process "dies" right after the 20th effect commits, before its delivery is recorded.
        crash.AfterEffects = 20;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => dispatcher.DrainAsync(crash.Token));
        // Second run, as after a restart: the batch's deliveries were not recorded, so its first 20 messages come
        // again, and the inbox turns each away.
        crash.Reset();
        await dispatcher.DrainAsync(CancellationToken.None);

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProbeDb>();
        var effects = await db.Effects.OrderBy(e => e.Number).Select(e => e.Number).ToListAsync();
        Assert.Equal(Enumerable.Range(1, Messages), effects);
        Assert.Equal(0, await db.OutboxMessages.CountAsync(m => m.DeliveredAt == null));
        Assert.Equal(Messages + 20, crash.Calls); // the 20 delivered before the crash were delivered twice, applied once
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Delivery_HandlerFailing_KeepsTheMessageAndRetriesLater(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new ManualClock();
        await using var services = Build(database, clock);
        await CreateSchemaAsync(services);
        await RaiseAsync(services, 3);
        var crash = services.GetRequiredService<CrashSwitch>();
        var dispatcher = services.GetRequiredService<OutboxDispatcher>();

        crash.FailNumber = 2;
        await dispatcher.DrainAsync(CancellationToken.None);
        crash.FailNumber = null;
        var beforeBackoff = await dispatcher.DrainAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(1));
        var afterBackoff = await dispatcher.DrainAsync(CancellationToken.None);

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProbeDb>();
        Assert.Equal(0, beforeBackoff);
        Assert.Equal(1, afterBackoff);
        Assert.Equal(3, await db.Effects.CountAsync());
        Assert.Equal(1, (await db.OutboxMessages.SingleAsync(m => m.Attempts > 0)).Attempts);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task EventsSavedInATransaction_WakeTheDispatcherAtTheCommit_NotBefore(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = Build(database);
        await CreateSchemaAsync(services);
        var signal = services.GetRequiredService<OutboxSignal>();
        await signal.WaitAsync(TimeSpan.Zero, CancellationToken.None); // the schema's creation raised nothing, but start clean

        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ProbeDb>();
            var outbox = scope.ServiceProvider.GetRequiredService<OutboxWriter>();
            await using (var rolledBack = await db.Database.BeginTransactionAsync())
            {
                db.OutboxMessages.Add(outbox.Wrap(new ProbeHappened(1)));
                await db.SaveChangesAsync();
                await rolledBack.RollbackAsync();
            }

            Assert.False(signal.IsRaised); // nothing was committed: nothing to deliver
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.OutboxMessages.Add(outbox.Wrap(new ProbeHappened(2)));
            await db.SaveChangesAsync();
            Assert.False(signal.IsRaised); // saved but not yet visible to the dispatcher
            await transaction.CommitAsync();
            Assert.True(signal.IsRaised);
        }

        // Outside a transaction the save itself commits, and wakes the dispatcher at once.
        await signal.WaitAsync(TimeSpan.Zero, CancellationToken.None);
        await RaiseAsync(services, 1);
        Assert.True(signal.IsRaised);
    }

    private static ServiceProvider Build(TestDatabase database, TimeProvider? clock = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(database.Settings);
        services.AddKernel(new ConfigurationBuilder().Build());
        if (clock is not null)
        {
            services.AddSingleton(clock);
        }

        services.AddModuleDb<ProbeDb>("probe");
        services.AddSingleton<CrashSwitch>();
        services.AddEventHandler<ProbeHappened, ProbeHandler>();
        services.AddSingleton(NullLoggerFactory.Instance);
        return services.BuildServiceProvider();
    }

    private static async Task CreateSchemaAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ProbeDb>().Database.EnsureCreatedAsync();
    }

    private static async Task RaiseAsync(IServiceProvider services, int count)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProbeDb>();
        var outbox = scope.ServiceProvider.GetRequiredService<OutboxWriter>();
        for (var i = 1; i <= count; i++)
        {
            db.OutboxMessages.Add(outbox.Wrap(new ProbeHappened(i)));
        }

        await db.SaveChangesAsync();
    }
}

public sealed record ProbeHappened(int Number) : IDomainEvent;

internal sealed class ProbeEffect
{
    public int Number { get; init; }
}

internal sealed class ProbeDb(DbContextOptions<ProbeDb> options) : ModuleDbContext(options)
{
    public override string Prefix => "probe";

    public DbSet<ProbeEffect> Effects => Set<ProbeEffect>();

    protected override void ConfigureModule(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<ProbeEffect>(e =>
        {
            e.ToTable("probe_effects");
            e.HasKey(x => x.Number);
            e.Property(x => x.Number).ValueGeneratedNever();
        });
}

/// <summary>Stands in for a process dying: cancels the dispatcher after a number of committed effects.</summary>
internal sealed class CrashSwitch
{
    private CancellationTokenSource _source = new();

    public int? AfterEffects { get; set; }

    public int? FailNumber { get; set; }

    public int Calls { get; private set; }

    public int Effects { get; private set; }

    public CancellationToken Token => _source.Token;

    public void Called() => Calls++;

    public void Committed()
    {
        if (++Effects == AfterEffects)
        {
            _source.Cancel();
        }
    }

    public void Reset()
    {
        _source = new CancellationTokenSource();
        AfterEffects = null;
    }
}

/// <summary>An idempotent subscriber: its effect and its inbox mark commit together.</summary>
internal sealed class ProbeHandler(ProbeDb db, CrashSwitch crash) : IEventHandler<ProbeHappened>
{
    public async Task HandleAsync(ProbeHappened domainEvent, EventContext context, CancellationToken cancellationToken)
    {
        crash.Called();
        if (domainEvent.Number == crash.FailNumber)
        {
            throw new InvalidOperationException("The subscriber is down.");
        }

        if (!await db.FirstTimeAsync(nameof(ProbeHandler), context, DateTimeOffset.UtcNow, CancellationToken.None))
        {
            return;
        }

        db.Effects.Add(new ProbeEffect { Number = domainEvent.Number });
        await db.SaveChangesAsync(CancellationToken.None);
        crash.Committed();
    }
}
