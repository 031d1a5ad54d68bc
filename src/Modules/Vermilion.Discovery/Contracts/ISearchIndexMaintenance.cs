namespace Vermilion.Discovery.Contracts;

/// <summary>What a rebuild of the search index did, and how long each part took.</summary>
public sealed record SearchIndexReport(int Notes, TimeSpan Indexing, int Words, TimeSpan Learning, int Suggestions, TimeSpan Suggesting);

/// <summary>Rebuilds search from the community's notes (the <c>reindex</c> command).</summary>
public interface ISearchIndexMaintenance
{
    /// <summary>Forgets the index, reads every note again, relearns the lexicon and rebuilds suggestions; reports notes read.</summary>
    Task<SearchIndexReport> ReindexAsync(IProgress<int>? progress, CancellationToken cancellationToken);

    /// <summary>Catches up with new notes and rebuilds suggestions now, relearning the lexicon when asked.</summary>
    Task RefreshNowAsync(bool learn, CancellationToken cancellationToken);
}
