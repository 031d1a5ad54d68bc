namespace Vermilion.Commerce.NoteCards;

/// <summary>A product card on a note (笔记带货): who put it there is credited when someone buys from the note.</summary>
internal sealed class NoteProduct
{
    public const int PerNoteMax = 5;

    public long NoteId { get; init; }

    public long ProductId { get; init; }

    public long CreatorId { get; init; }

    public int Position { get; set; }

    public DateTimeOffset CreatedAt { get; init; }
}
