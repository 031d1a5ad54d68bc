using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Vermilion.Discovery.Contracts;
using Vermilion.Discovery.Evaluation;

namespace Vermilion.Discovery;

/// <summary>Discovery: the recommendation engine and its offline evaluation (search and the feed's pages build on them).</summary>
public static class DiscoveryModule
{
    public static IServiceCollection AddDiscoveryModule(this IServiceCollection services)
    {
        services.AddSingleton<IRecommenderEvaluation, RecommenderEvaluation>();
        return services;
    }

    public static IEndpointRouteBuilder MapDiscoveryEndpoints(this IEndpointRouteBuilder app) => app;
}
