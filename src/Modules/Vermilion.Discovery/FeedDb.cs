using Microsoft.EntityFrameworkCore;
using Vermilion.Discovery.Catalog;
using Vermilion.Discovery.Signals;
using Vermilion.Kernel.Persistence;

namespace Vermilion.Discovery;

/// <summary>
/// The discovery feed's own tables (<c>discovery_feed_*</c>): the append-only signal log the recommender trains on,
/// its copy of the community's notes as the feed needs them, and a little bookkeeping. Search keeps its tables apart.
/// </summary>
internal sealed class FeedDb(DbContextOptions<FeedDb> options) : ModuleDbContext(options)
{
    public const string TablePrefix = "discovery_feed";

    public override string Prefix => TablePrefix;

    public DbSet<FeedEvent> Events => Set<FeedEvent>();

    public DbSet<FeedNote> Notes => Set<FeedNote>();

    public DbSet<FeedSetting> Settings => Set<FeedSetting>();

    protected override void ConfigureModule(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<FeedEvent>(e =>
        {
            e.ToTable(TablePrefix + "_events");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Feed).HasMaxLength(FeedEvent.FeedMax);
            e.Property(x => x.Query).HasMaxLength(FeedEvent.QueryMax);
            // Per person in time order: recent history for serving, and deleting a closed account's signals.
            e.HasIndex(x => new { x.UserId, x.OccurredAt });
            // By kind in time order: "not interested" marks and searches at start-up, impressions for the ranker.
            e.HasIndex(x => new { x.Kind, x.OccurredAt });
        });
        modelBuilder.Entity<FeedNote>(e =>
        {
            e.ToTable(TablePrefix + "_notes");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Type).HasMaxLength(10);
            e.Property(x => x.Title).HasMaxLength(FeedNote.TitleMax);
            e.Property(x => x.Excerpt).HasMaxLength(FeedNote.ExcerptMax);
            e.Property(x => x.Topics).HasMaxLength(FeedNote.TopicsMax);
            e.Property(x => x.City).HasMaxLength(40);
            // Every node catches up on changed notes by this column.
            e.HasIndex(x => x.ChangedAt);
        });
        modelBuilder.Entity<FeedSetting>(e =>
        {
            e.ToTable(TablePrefix + "_settings");
            e.HasKey(x => x.Key);
            e.Property(x => x.Key).HasMaxLength(60);
            e.Property(x => x.Value).HasMaxLength(200);
        });
    }
}
