using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;
using Vermilion.Discovery.Search.Index;
using Vermilion.Discovery.Search.Moderation;
using Vermilion.Discovery.Search.Suggestions;
using Vermilion.Kernel.Persistence;

namespace Vermilion.Discovery.Search;

/// <summary>
/// Search's own tables, beside the rest of discovery's: the note and product indexes and their full-text sides,
/// query counts, history, the learned lexicon. The full-text side differs by engine: on PostgreSQL a tsvector column with a GIN
/// index (part of the model), on SQLite an FTS5 virtual table created by the migration (EF cannot model one).
/// </summary>
internal sealed class SearchDb(DbContextOptions<SearchDb> options) : ModuleDbContext(options)
{
    public const string TablePrefix = "discovery_search";
    public const string NotesTable = "discovery_search_notes";
    public const string FullTextTable = "discovery_search_notes_fts";
    public const string ProductsTable = "discovery_search_products";
    public const string ProductFullTextTable = "discovery_search_products_fts";

    public override string Prefix => TablePrefix;

    public DbSet<IndexedNote> Notes => Set<IndexedNote>();

    public DbSet<IndexedProduct> Products => Set<IndexedProduct>();

    public DbSet<ProductMark> ProductMarks => Set<ProductMark>();

    public DbSet<SearchState> State => Set<SearchState>();

    public DbSet<QueryStats> Queries => Set<QueryStats>();

    public DbSet<HistoryEntry> History => Set<HistoryEntry>();

    public DbSet<VisitorSearch> VisitorSearches => Set<VisitorSearch>();

    public DbSet<BlockedQuery> BlockedQueries => Set<BlockedQuery>();

    public DbSet<LexiconWord> Lexicon => Set<LexiconWord>();

    public const string NonPublicByAuthorIndex = "IX_discovery_search_notes_nonpublic_author";

    protected override void ConfigureModule(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<IndexedNote>(e =>
        {
            e.ToTable(NotesTable);
            e.Property(n => n.Id).ValueGeneratedNever();
            e.Property(n => n.Type).HasMaxLength(16);
            e.Property(n => n.City).HasMaxLength(50);
            e.Property(n => n.Title).HasMaxLength(IndexedNote.TitleMax);
            e.Property(n => n.Body).HasMaxLength(IndexedNote.BodyMax);
            e.Property(n => n.Topics).HasMaxLength(IndexedNote.TopicsMax);
            e.Property(n => n.Products).HasMaxLength(IndexedNote.ProductsMax);
            e.HasIndex(n => n.AuthorId);
            // The few notes that are not public, by author: what a signed-in search adds to the shared matches.
            e.HasIndex(n => n.AuthorId, NonPublicByAuthorIndex).HasFilter("audience <> 0");
            e.HasIndex(n => n.PublishedAt);
            if (Database.IsNpgsql())
            {
                e.Property<NpgsqlTsVector>("Document");
                e.HasIndex("Document").HasMethod("gin");
            }
        });
        modelBuilder.Entity<IndexedProduct>(e =>
        {
            e.ToTable(ProductsTable);
            e.Property(p => p.Id).ValueGeneratedNever();
            e.Property(p => p.Title).HasMaxLength(IndexedProduct.TitleMax);
            e.Property(p => p.Specs).HasMaxLength(IndexedProduct.SpecsMax);
            e.Property(p => p.StoreName).HasMaxLength(IndexedProduct.StoreNameMax);
            e.Property(p => p.Notes).HasMaxLength(IndexedProduct.NotesMax);
            e.HasIndex(p => p.StoreId);
            if (Database.IsNpgsql())
            {
                e.Property<NpgsqlTsVector>("Document");
                e.HasIndex("Document").HasMethod("gin");
            }
        });
        modelBuilder.Entity<ProductMark>(e =>
        {
            e.ToTable("discovery_search_product_marks");
            e.HasKey(m => m.ProductId);
            e.Property(m => m.ProductId).ValueGeneratedNever();
        });
        modelBuilder.Entity<SearchState>(e =>
        {
            e.ToTable("discovery_search_state");
            e.HasKey(s => s.Key);
            e.Property(s => s.Key).HasMaxLength(50);
        });
        modelBuilder.Entity<QueryStats>(e =>
        {
            e.ToTable("discovery_search_queries");
            e.HasKey(q => q.Text);
            e.Property(q => q.Text).HasMaxLength(QueryStats.TextMax);
            e.HasIndex(q => q.Heat);
        });
        modelBuilder.Entity<HistoryEntry>(e =>
        {
            e.ToTable("discovery_search_history");
            e.HasKey(h => new { h.UserId, h.Text });
            e.Property(h => h.Text).HasMaxLength(QueryStats.TextMax);
            e.HasIndex(h => new { h.UserId, h.SearchedAt });
        });
        modelBuilder.Entity<VisitorSearch>(e =>
        {
            e.ToTable("discovery_search_visitor_searches");
            e.HasKey(v => new { v.Visitor, v.Text });
            e.Property(v => v.Visitor).HasMaxLength(VisitorSearch.VisitorLength);
            e.Property(v => v.Text).HasMaxLength(QueryStats.TextMax);
            e.HasIndex(v => v.SearchedAt);
        });
        modelBuilder.Entity<BlockedQuery>(e =>
        {
            e.ToTable("discovery_search_blocked_queries");
            e.HasKey(b => b.Text);
            e.Property(b => b.Text).HasMaxLength(QueryStats.TextMax);
        });
        modelBuilder.Entity<LexiconWord>(e =>
        {
            e.ToTable("discovery_search_lexicon");
            e.HasKey(w => w.Word);
            e.Property(w => w.Word).HasMaxLength(20);
        });
    }
}
