namespace Vermilion.Discovery.Contracts;

/// <summary>What a rebuild of the search index did, and how long each part took (<paramref name="Indexing"/> covers notes and products).</summary>
public sealed record SearchIndexReport(int Notes, TimeSpan Indexing, int Words, TimeSpan Learning, int Suggestions, TimeSpan Suggesting, int Products);

/// <summary>Rebuilds search from the community's notes and commerce's products (the <c>reindex</c> command).</summary>
public interface ISearchIndexMaintenance
{
    /// <summary>Forgets the index, reads every note and product again, relearns the lexicon and rebuilds suggestions; reports what was read.</summary>
    Task<SearchIndexReport> ReindexAsync(IProgress<int>? progress, CancellationToken cancellationToken);

    /// <summary>Catches up with new notes and products and rebuilds suggestions now, relearning the lexicon when asked.</summary>
    Task RefreshNowAsync(bool learn, CancellationToken cancellationToken);
}
