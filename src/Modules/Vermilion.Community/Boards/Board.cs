namespace Vermilion.Community.Boards;

/// <summary>A board (收藏专辑): a named collection of notes; everyone has a default one.</summary>
internal sealed class Board
{
    public const int NameMax = 20;

    public long Id { get; init; }

    public long OwnerId { get; init; }

    public required string Name { get; set; }

    public bool IsPrivate { get; set; }

    public bool IsDefault { get; init; }

    public int NoteCount { get; set; }

    public DateTimeOffset CreatedAt { get; init; }
}

internal sealed class BoardItem
{
    public long BoardId { get; init; }

    public long NoteId { get; init; }

    public long UserId { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}
