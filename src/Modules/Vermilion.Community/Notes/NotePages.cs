using Vermilion.Community.Contracts;

namespace Vermilion.Community.Notes;

/// <summary>Another module's part of a note's page changed: forget the note as a write to it would.</summary>
internal sealed class NotePages(NoteRowCache rows) : INotePages
{
    public void Changed(long noteId) => rows.Forget(noteId);
}
