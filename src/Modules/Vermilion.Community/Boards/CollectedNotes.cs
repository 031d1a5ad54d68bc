using Vermilion.Community.Likes;
using Vermilion.Kernel.Persistence;

namespace Vermilion.Community.Boards;

/// <summary>The notes a reader collected, on any of their boards.</summary>
internal sealed class CollectedNotes(DatabaseSettings settings) : ReaderNoteSet(settings, "community_board_items");
