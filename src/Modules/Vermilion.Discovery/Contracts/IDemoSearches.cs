namespace Vermilion.Discovery.Contracts;

/// <summary>The demo community's searches, so a new installation opens with a hot list, suggestions and a history.</summary>
public interface IDemoSearches
{
    /// <summary>
    /// Indexes the demo's notes and records what its people searched for (their topics and note titles), once;
    /// <paramref name="people"/> starts with the <c>demo</c> account. Returns how many queries the log holds.
    /// </summary>
    Task<int> EnsureAsync(IReadOnlyList<long> people, CancellationToken cancellationToken);
}
