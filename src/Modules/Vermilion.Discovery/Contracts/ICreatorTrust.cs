namespace Vermilion.Discovery.Contracts;

/// <summary>
/// Trust weighting for the discovery feed: how much the platform vouches for a creator (credit score,
/// certification, a circuit breaker in force). The trust module implements it; until then every creator is
/// neutral. Called for every candidate of every page, so it must answer from memory.
/// </summary>
public interface ICreatorTrust
{
    /// <summary>1 is neutral; above 1 favours the creator's notes, below 1 holds them back, 0 or less keeps them out.</summary>
    double WeightOf(long creatorId);
}
