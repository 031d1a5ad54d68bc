namespace Vermilion.Community.Topics;

/// <summary>A #topic#: its page gathers the notes that name it.</summary>
internal sealed class Topic
{
    public const int NameMax = 30;

    public required string Name { get; init; }

    public int NoteCount { get; set; }

    public DateTimeOffset CreatedAt { get; init; }
}

internal sealed class NoteTopic
{
    public long NoteId { get; init; }

    public required string Topic { get; init; }
}

internal sealed class NoteMention
{
    public long NoteId { get; init; }

    public long UserId { get; init; }
}
