using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Vermilion.Discovery.Contracts;
using Vermilion.Discovery.Evaluation;
using Vermilion.Discovery.Search;
using Vermilion.Discovery.Search.Api;
using Vermilion.Discovery.Feed;
using Vermilion.Kernel.Localization;
using Vermilion.Kernel.Web;

namespace Vermilion.Discovery;

/// <summary>
/// Discovery: search, the recommendation engine and its offline evaluation, and the personalized discovery and
/// nearby feeds built on them (signals, training, serving).
/// </summary>
public static class DiscoveryModule
{
    public static IServiceCollection AddDiscoveryModule(this IServiceCollection services)
    {
        services.AddStrings(typeof(DiscoveryModule).Assembly);
        services.AddPageSlot("admin.desk", "HotSearchDesk", order: 20);
        services.AddSingleton<IRecommenderEvaluation, RecommenderEvaluation>();
        services.AddSearch();
        services.AddDiscoveryFeed();
        return services;
    }

    public static IEndpointRouteBuilder MapDiscoveryEndpoints(this IEndpointRouteBuilder app)
    {
        SearchEndpoints.Map(app);
        HotSearchAdminEndpoints.Map(app);
        app.MapDiscoveryFeed();
        return app;
    }
}
