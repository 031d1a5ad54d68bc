namespace Vermilion.Community.Contracts;

/// <summary>A note as other modules see it: enough to link to it, show its cover and know who wrote it.</summary>
public sealed record NoteSummary(long Id, string PublicId, long AuthorId, string Title, string CoverUrl, DateTimeOffset PublishedAt);

/// <summary>Looks notes up for other modules, with the community's visibility rules applied.</summary>
public interface INoteDirectory
{
    /// <summary>The note if <paramref name="viewer"/> (null: a visitor) may see it now; otherwise null.</summary>
    Task<NoteSummary?> FindVisibleAsync(long noteId, long? viewer, CancellationToken cancellationToken);

    /// <summary>The notes of <paramref name="noteIds"/> that the viewer may see, by id.</summary>
    Task<IReadOnlyDictionary<long, NoteSummary>> FindVisibleManyAsync(IReadOnlyCollection<long> noteIds, long? viewer, CancellationToken cancellationToken);

    /// <summary>An author's newest notes that the viewer may see (a store's notes are its owner's).</summary>
    Task<IReadOnlyList<NoteSummary>> ByAuthorAsync(long authorId, long? viewer, int count, CancellationToken cancellationToken);
}
