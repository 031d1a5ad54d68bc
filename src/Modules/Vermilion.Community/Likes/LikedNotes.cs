using Vermilion.Kernel.Persistence;

namespace Vermilion.Community.Likes;

/// <summary>The notes a reader liked.</summary>
internal sealed class LikedNotes(DatabaseSettings settings) : ReaderNoteSet(settings, "community_likes");
