using Vermilion.Discovery.Recommendation.Sources;

namespace Vermilion.Discovery.Recommendation;

/// <summary>Every recall source the engine knows, each with the small settings grid validation chooses from.</summary>
internal static class SourceCatalog
{
    public static IReadOnlyList<string> Names { get; } = ["trending", "itemknn", "transitions", "sknn", "ease", "als", "attributes"];

    public static IReadOnlyList<SourceSettings> GridOf(string name, TrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return name switch
        {
            "trending" => PopularitySettings.TrendingGrid(),
            "itemknn" => ItemToItemSettings.CooccurrenceGrid(),
            "transitions" => ItemToItemSettings.TransitionGrid(),
            "sknn" => SessionNeighbourSettings.Grid(),
            "ease" => LinearItemSettings.Grid(),
            "als" => FactorizationSettings.Grid(),
            "attributes" when options.ItemAttributes is { Count: > 0 } => AttributeSettings.Grid(),
            "attributes" => [],
            _ => throw new ArgumentException($"Unknown recall source '{name}'. Known: {string.Join(", ", Names)}.", nameof(name)),
        };
    }

    /// <summary>The sources that apply to this training run, in catalog order.</summary>
    public static IReadOnlyList<string> Active(TrainingOptions options) =>
        [.. Names.Where(n => options.Uses(n) && GridOf(n, options).Count > 0)];
}
