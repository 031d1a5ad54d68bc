using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Vermilion.Accounts.Contracts;
using Vermilion.Community.Contracts;
using Vermilion.Community.Media;
using Vermilion.Community.Notes;
using Vermilion.Kernel.Errors;
using Vermilion.Kernel.Events;
using Vermilion.Kernel.Ids;

namespace Vermilion.Community.Comments;

/// <summary>A comment, or a reply: <c>ReplyTo</c> is the comment answered (top-level or a reply under it).</summary>
public sealed record CommentRequest(string? Body, string? ReplyTo = null, string? ImageId = null);

internal sealed class PostCommentHandler(CommunityDb db, IUserDirectory users, IdGenerator ids, NoteRowCache rows, TimeProvider clock, OutboxWriter outbox, IStringLocalizer text)
{
    public async Task<Outcome<long>> HandleAsync(long authorId, long noteId, CommentRequest request, CancellationToken cancellationToken)
    {
        var note = await db.Notes.AsNoTracking().VisibleTo(db, authorId, clock.GetUtcNow()).Where(n => n.Id == noteId)
            .Select(n => new { n.AuthorId }).FirstOrDefaultAsync(cancellationToken);
        if (note is null)
        {
            return new Failure(FailureKind.NotFound, text["community.note.not_found"]);
        }

        var body = NoteText.Clean(request.Body);
        var errors = new FieldErrors();
        MediaAsset? image = null;
        if (request.ImageId is not null)
        {
            image = ShortId.TryDecode(request.ImageId, out var imageId)
                ? await db.MediaAssets.AsNoTracking().FirstOrDefaultAsync(m => m.Id == imageId && m.OwnerId == authorId && m.Kind == MediaKind.Image, cancellationToken)
                : null;
            if (image is null)
            {
                errors.Add("imageId", text["community.note.media_unknown"]);
            }
        }

        if (body.Length == 0 && request.ImageId is null)
        {
            errors.Add("body", text["community.comment.empty"]);
        }
        else if (NoteText.Length(body) > Comment.BodyMax)
        {
            errors.Add("body", text["community.comment.too_long", Comment.BodyMax]);
        }

        Comment? answered = null;
        if (request.ReplyTo is not null)
        {
            answered = ShortId.TryDecode(request.ReplyTo, out var replyId)
                ? await db.Comments.AsNoTracking().FirstOrDefaultAsync(c => c.Id == replyId && c.NoteId == noteId && c.DeletedAt == null, cancellationToken)
                : null;
            if (answered is null)
            {
                errors.Add("replyTo", text["community.comment.not_found"]);
            }
        }

        if (!errors.IsEmpty)
        {
            return Failure.Invalid(errors, text["common.invalid"]);
        }

        var comment = new Comment
        {
            Id = ids.Next(),
            NoteId = noteId,
            AuthorId = authorId,
            ParentId = answered is null ? null : answered.ParentId ?? answered.Id,
            ReplyToUserId = answered?.AuthorId,
            Body = body,
            ImageKey = image?.Key,
            CreatedAt = clock.GetUtcNow(),
        };
        var mentioned = new List<long>();
        foreach (var username in NoteText.Mentions(body))
        {
            if (await users.FindIdByUsernameAsync(username, cancellationToken) is { } id && id != authorId && !mentioned.Contains(id))
            {
                mentioned.Add(id);
            }
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Comments.Add(comment);
        await db.Notes.Where(n => n.Id == noteId).ExecuteUpdateAsync(u => u.SetProperty(n => n.CommentCount, n => n.CommentCount + 1), cancellationToken);
        if (comment.ParentId is { } parent)
        {
            await db.Comments.Where(c => c.Id == parent).ExecuteUpdateAsync(u => u.SetProperty(c => c.ReplyCount, c => c.ReplyCount + 1), cancellationToken);
        }

        db.OutboxMessages.Add(outbox.Wrap(new CommentPosted(comment.Id, noteId, note.AuthorId, authorId, comment.ParentId, comment.ReplyToUserId, body, mentioned)));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        rows.Forget(noteId);
        return comment.Id;
    }
}
