using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.Extensions.DependencyInjection;
using Vermilion.Kernel.Events;

namespace Vermilion.Kernel.Persistence;

/// <summary>
/// The base of every module's DbContext: its tables carry the module's prefix, names are snake_case on every
/// provider, times are stored as UTC, and it owns an outbox and an inbox for events.
/// </summary>
public abstract class ModuleDbContext(DbContextOptions options) : DbContext(options)
{
    /// <summary>The module's table prefix, e.g. <c>accounts</c>: its tables are <c>accounts_users</c>, ...</summary>
    public abstract string Prefix { get; }

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<ProcessedEvent> ProcessedEvents => Set<ProcessedEvent>();

    public string MigrationsTable => Prefix + "_migrations";

    /// <summary>Records that a handler applied a message, in the same save as its effect. False if it already had.</summary>
    public async Task<bool> FirstTimeAsync(string handler, EventContext context, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await ProcessedEvents.AnyAsync(p => p.Handler == handler && p.MessageId == context.MessageId, cancellationToken))
        {
            return false;
        }

        ProcessedEvents.Add(new ProcessedEvent { Handler = handler, MessageId = context.MessageId, ProcessedAt = now });
        return true;
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var raisedEvents = RaisesEvents();
        var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        WakeDispatcher(raisedEvents);
        return written;
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var raisedEvents = RaisesEvents();
        var written = base.SaveChanges(acceptAllChangesOnSuccess);
        WakeDispatcher(raisedEvents);
        return written;
    }

    private bool RaisesEvents() => ChangeTracker.Entries<OutboxMessage>().Any(e => e.State == EntityState.Added);

    private bool _eventsAwaitingCommit;

    private void WakeDispatcher(bool raisedEvents)
    {
        if (!raisedEvents)
        {
            return;
        }

        // Inside a transaction the events are visible only once it commits: woken now, the dispatcher would find
        // nothing and sleep until its next poll. OutboxCommitSignal wakes it at the commit instead.
        if (Database.CurrentTransaction is not null)
        {
            _eventsAwaitingCommit = true;
            return;
        }

        Signal();
    }

    /// <summary>Called when this context's transaction ends: wakes the dispatcher if it committed events.</summary>
    internal void TransactionEnded(bool committed)
    {
        if (_eventsAwaitingCommit && committed)
        {
            Signal();
        }

        _eventsAwaitingCommit = false;
    }

    private void Signal() =>
        this.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?
            .GetService<OutboxSignal>()?.Notify();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot order or compare DateTimeOffset; a UTC DateTime works on both providers.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutboxMessage>(e =>
        {
            e.ToTable(Prefix + "_outbox");
            e.Property(m => m.Id).ValueGeneratedNever();
            e.Property(m => m.Type).HasMaxLength(200);
            e.Property(m => m.LastError).HasMaxLength(2000);
            e.HasIndex(m => m.DeliveredAt);
        });
        modelBuilder.Entity<ProcessedEvent>(e =>
        {
            e.ToTable(Prefix + "_processed_events");
            e.HasKey(p => new { p.Handler, p.MessageId });
            e.Property(p => p.Handler).HasMaxLength(200);
        });
        ConfigureModule(modelBuilder);
        UseSnakeCase(modelBuilder);
    }

    protected abstract void ConfigureModule(ModelBuilder modelBuilder);

    private static void UseSnakeCase(ModelBuilder modelBuilder)
    {
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(SnakeCase(property.Name));
            }
        }
    }

    public static string SnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0 && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]))))
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private sealed class UtcConverter() : ValueConverter<DateTimeOffset, DateTime>(
        v => v.UtcDateTime,
        v => new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc)));
}
