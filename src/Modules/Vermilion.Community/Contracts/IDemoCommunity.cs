namespace Vermilion.Community.Contracts;

/// <summary>Demo notes, follows, likes, collects and comments on top of the demo people.</summary>
public interface IDemoCommunity
{
    /// <summary>Generates content for the given people unless it exists; returns how many notes there are.</summary>
    Task<int> EnsureAsync(IReadOnlyList<long> people, int notes, int interactions, IProgress<(string Stage, int Done, int Total)>? progress, CancellationToken cancellationToken);
}
