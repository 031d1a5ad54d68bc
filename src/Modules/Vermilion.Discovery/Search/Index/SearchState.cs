namespace Vermilion.Discovery.Search.Index;

/// <summary>A named number search keeps for itself, such as how far the catch-up from the community has read.</summary>
internal sealed class SearchState
{
    public const string NotesCaughtUpTo = "notes.caught_up_to";
    public const string ProductsCaughtUpTo = "products.caught_up_to";

    public required string Key { get; init; }

    public long Value { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
