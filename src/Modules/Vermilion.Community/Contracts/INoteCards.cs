namespace Vermilion.Community.Contracts;

/// <summary>Turns note ids (from search, recommendations) into cards, with the community's visibility rules applied.</summary>
public interface INoteCards
{
    /// <summary>
    /// Cards for the notes <paramref name="viewer"/> may see, in the order given; notes they may not see are left
    /// out. <paramref name="reasons"/> puts a "why it is shown" line on the cards it names.
    /// </summary>
    Task<IReadOnlyList<NoteCard>> CardsAsync(IReadOnlyList<long> noteIds, long? viewer, IReadOnlyDictionary<long, string>? reasons, CancellationToken cancellationToken);
}
