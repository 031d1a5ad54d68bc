namespace Vermilion.Discovery.Recommendation;

/// <summary>One recommendation: the item, its final score, and the recall source that argued for it most (the "why").</summary>
internal readonly record struct RecommendedItem(int Item, float Score, string Reason);
