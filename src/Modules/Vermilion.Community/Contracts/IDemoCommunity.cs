namespace Vermilion.Community.Contracts;

/// <summary>
/// A demo note and what it is about: its category (the channel it was written for, 数码) and its subject (耳机), the
/// words a demo product's category and topic are matched with.
/// </summary>
public sealed record DemoNoteTopic(long NoteId, long AuthorId, string Category, string Subject);

/// <summary>Demo notes, follows, likes, collects and comments on top of the demo people.</summary>
public interface IDemoCommunity
{
    /// <summary>Generates content for the given people unless it exists; returns how many notes there are.</summary>
    Task<int> EnsureAsync(IReadOnlyList<long> people, int notes, int interactions, IProgress<(string Stage, int Done, int Total)>? progress, CancellationToken cancellationToken);

    /// <summary>
    /// The most liked public demo notes about each of <paramref name="subjects"/> (topics such as 咖啡 or 耳机), at
    /// most <paramref name="perSubject"/> each, so another module's demo can attach what fits a note.
    /// </summary>
    Task<IReadOnlyList<DemoNoteTopic>> NotesAboutAsync(IReadOnlyCollection<string> subjects, int perSubject, CancellationToken cancellationToken);
}
