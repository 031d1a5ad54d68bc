using Vermilion.Commerce.Contracts;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Vermilion.Accounts.Contracts;
using Vermilion.Community.Contracts;
using Vermilion.Discovery.Catalog;
using Vermilion.Discovery.Contracts;
using Vermilion.Discovery.Signals;
using Vermilion.Discovery.Training;
using Vermilion.Kernel.Ids;
using Vermilion.Kernel.Persistence;

namespace Vermilion.Discovery.Feed;

/// <summary>The discovery feed's parts: signals, the catalog copy, training, serving.</summary>
internal static class FeedRegistration
{
    public static IServiceCollection AddDiscoveryFeed(this IServiceCollection services)
    {
        services.AddModuleDb<FeedDb>(FeedDb.TablePrefix);
        services.AddOptions<FeedOptions>().BindConfiguration(FeedOptions.Section);

        services.AddSingleton<ViewerActivity>();
        services.AddScoped<SignalWriter>();
        services.AddScoped<RecordSignalsHandler>();
        services.AddScoped<IFeedSignals, FeedSignals>();
        services.AddEventHandler<NoteLiked, CommunitySignals>();
        services.AddEventHandler<NoteUnliked, CommunitySignals>();
        services.AddEventHandler<NoteCollected, CommunitySignals>();
        services.AddEventHandler<NoteUncollected, CommunitySignals>();
        services.AddEventHandler<CommentPosted, CommunitySignals>();
        services.AddEventHandler<NoteMarkedNotInterested, CommunitySignals>();
        services.AddEventHandler<UserFollowed, CommunitySignals>();
        services.AddEventHandler<UserUnfollowed, CommunitySignals>();
        services.AddEventHandler<UserBlocked, CommunitySignals>();
        services.AddEventHandler<OrderPaid, CommerceSignals>();
        services.AddEventHandler<UserSignedUp, AccountSignals>();
        services.AddEventHandler<ProfileUpdated, AccountSignals>();
        services.AddEventHandler<AccountDeleted, AccountSignals>();

        services.AddScoped<CatalogWriter>();
        services.AddScoped<CatalogBackfill>();
        services.AddScoped<InteractionBackfill>();
        services.AddEventHandler<NotePublished, CatalogSync>();
        services.AddEventHandler<NoteEdited, CatalogSync>();
        services.AddEventHandler<NoteDeleted, CatalogSync>();

        services.AddSingleton<FeedStateHolder>();
        services.AddScoped<SignalLogReader>();
        services.AddScoped<FeedStateBuilder>();
        services.AddSingleton<FeedTrainer>();
        services.AddSingleton<IFeedTraining>(sp => sp.GetRequiredService<FeedTrainer>());
        services.AddHostedService<FeedRefresher>();
        services.AddHostedService<FeedTrainingService>();

        services.AddSingleton<ViewerContextCache>();
        services.AddSingleton<AuthorNames>();
        services.AddSingleton<FeedSessions>();
        services.AddSingleton<RankingAhead>();
        services.AddSingleton<FeedMetrics>();
        services.AddSingleton<IServedFeatures>(sp => sp.GetRequiredService<FeedSessions>());
        services.AddSingleton<AnonymousFeed>();
        services.AddSingleton<NearbyFeed>();
        services.AddScoped<INoteRecommender, DiscoveryFeed>();
        return services;
    }

    public static IEndpointRouteBuilder MapDiscoveryFeed(this IEndpointRouteBuilder app)
    {
        SignalEndpoints.Map(app);
        return app;
    }
}
