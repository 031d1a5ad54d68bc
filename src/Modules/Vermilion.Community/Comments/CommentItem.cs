namespace Vermilion.Community.Comments;

/// <summary>One comment as the thread renders it, with what the viewer may do to it.</summary>
public sealed record CommentItem(CommentView Comment, string NoteId, bool ViewerIsNoteAuthor, bool IsReply = false);
