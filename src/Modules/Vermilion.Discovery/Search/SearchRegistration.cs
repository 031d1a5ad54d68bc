using Microsoft.Extensions.DependencyInjection;
using Vermilion.Commerce.Contracts;
using Vermilion.Community.Contracts;
using Vermilion.Discovery.Contracts;
using Vermilion.Discovery.Search.Analysis;
using Vermilion.Discovery.Search.Api;
using Vermilion.Discovery.Search.Index;
using Vermilion.Discovery.Search.Index.FullText;
using Vermilion.Discovery.Search.Results;
using Vermilion.Discovery.Search.Suggestions;
using Vermilion.Kernel.Ids;
using Vermilion.Kernel.Persistence;

namespace Vermilion.Discovery.Search;

/// <summary>
/// Search's services: its tables, the engines of the configured database, the indexers on community and commerce
/// events, the use cases.
/// </summary>
internal static class SearchRegistration
{
    public static IServiceCollection AddSearch(this IServiceCollection services)
    {
        services.AddModuleDb<SearchDb>(SearchDb.TablePrefix);
        services.AddSingleton<IFullTextEngine>(sp => new CachedFullText(
            sp.GetRequiredService<DatabaseSettings>().IsSqlite ? new SqliteFullText() : new PostgresFullText(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddSingleton<IProductFullText>(sp => sp.GetRequiredService<DatabaseSettings>().IsSqlite ? new SqliteProductFullText() : new PostgresProductFullText());
        services.AddSingleton<LexiconHolder>();
        services.AddSingleton<SuggestionHolder>();
        services.AddScoped<LexiconStore>();
        services.AddScoped<SuggestionBuilder>();
        services.AddScoped<NoteIndexer>();
        services.AddScoped<NoteProductWords>();
        services.AddScoped<ProductIndexer>();
        services.AddScoped<ProductCounts>();
        services.AddHostedService<ProductCountsFlush>();
        services.AddScoped<ProductSearch>();
        services.AddScoped<ProductResults>();
        services.AddScoped<NoteProductChips>();
        services.AddScoped<NoteSearch>();
        services.AddScoped<PeopleSearch>();
        services.AddSingleton<TopicSearch>();
        services.AddScoped<SearchResults>();
        services.AddScoped<HotSearches>();
        services.AddScoped<Contracts.IDemoSearches, DemoSearches>();
        services.AddSingleton<Visitors>();
        services.AddScoped<Moderation.HotSearchModeration>();
        services.AddScoped<SearchHistory>();
        services.AddSingleton<SearchRecorder>();
        services.AddHostedService(sp => sp.GetRequiredService<SearchRecorder>());
        services.AddSingleton<SearchMaintenance>();
        services.AddSingleton<ISearchIndexMaintenance>(sp => sp.GetRequiredService<SearchMaintenance>());
        services.AddHostedService(sp => sp.GetRequiredService<SearchMaintenance>());
        services.AddEventHandler<NotePublished, IndexOnNoteEvents>();
        services.AddEventHandler<NoteEdited, IndexOnNoteEvents>();
        services.AddEventHandler<NoteDeleted, IndexOnNoteEvents>();
        services.AddEventHandler<NoteLiked, IndexOnNoteEvents>();
        services.AddEventHandler<NoteUnliked, IndexOnNoteEvents>();
        services.AddEventHandler<NoteCollected, IndexOnNoteEvents>();
        services.AddEventHandler<NoteUncollected, IndexOnNoteEvents>();
        services.AddEventHandler<CommentPosted, IndexOnNoteEvents>();
        services.AddEventHandler<ProductChanged, IndexOnCatalogEvents>();
        services.AddEventHandler<NoteProductsChanged, IndexOnCatalogEvents>();
        services.AddEventHandler<StoreDecided, IndexOnCatalogEvents>();
        services.AddEventHandler<StoreChangeDecided, IndexOnCatalogEvents>();
        services.AddEventHandler<ProductsSold, IndexOnCatalogEvents>();
        services.AddEventHandler<ReviewPosted, IndexOnCatalogEvents>();
        return services;
    }
}
