namespace Vermilion.Community.Series;

/// <summary>A series (合集): a creator's own notes gathered under one name, in the order the creator chose.</summary>
internal sealed class NoteSeries
{
    public const int NameMax = 20;
    public const int DescriptionMax = 100;
    public const int NotesMax = 200;

    public long Id { get; init; }

    public long OwnerId { get; init; }

    public required string Name { get; set; }

    public string Description { get; set; } = "";

    public int NoteCount { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A note's place in a series; a note belongs to one series at most.</summary>
internal sealed class SeriesNote
{
    public long SeriesId { get; init; }

    public long NoteId { get; init; }

    public int Position { get; set; }
}
