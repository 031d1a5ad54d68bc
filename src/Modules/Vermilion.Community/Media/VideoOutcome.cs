using Microsoft.EntityFrameworkCore;
using Vermilion.Community.Feeds.Following;
using Vermilion.Community.Notes;
using Vermilion.Kernel.Media;

namespace Vermilion.Community.Media;

/// <summary>
/// What a finished video job changes, in one transaction: the upload becomes ready (or failed), notes waiting for
/// it get its poster where the author picked none, and notes published while it was processing go out now.
/// </summary>
internal sealed class VideoOutcome(CommunityDb db, IMediaStore store, NotePublication publication, NoteRowCache rows, TimelineCache timelines, Feeds.NewestNotes newest, TimeProvider clock)
{
    /// <summary>False when the job is no longer this node's (its lease ran out and another took it).</summary>
    public async Task<bool> CompleteAsync(VideoJob claimed, string owner, string rendition, StoredPicture? poster, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var job = await db.VideoJobs.FirstAsync(j => j.MediaId == claimed.MediaId, cancellationToken);
        var asset = await db.MediaAssets.FirstAsync(m => m.Id == claimed.MediaId, cancellationToken);
        if (job.LeaseOwner != owner || job.FinishedAt is not null)
        {
            return false;
        }

        await store.SaveFileAsAsync(rendition, asset.Key, cancellationToken);
        (job.FinishedAt, job.Progress, job.Error) = (now, 100, null);
        (asset.State, asset.PosterKey, asset.Color) = (MediaState.Ready, poster?.Key, poster?.Color);
        var notes = await WaitingNotesAsync(asset.Key, cancellationToken);
        foreach (var note in notes)
        {
            var video = note.Media.Single();
            if (video.PosterKey is null && poster is not null)
            {
                note.Media.Remove(video);
                note.Media.Add(new NoteMedia { NoteId = note.Id, Position = 0, MediaKey = video.MediaKey, PosterKey = poster.Key, Color = poster.Color, Width = video.Width, Height = video.Height });
                (note.CoverKey, note.CoverColor, note.CoverWidth, note.CoverHeight) = (poster.Key, poster.Color, poster.Width, poster.Height);
            }

            if (note.Status == NoteStatus.Processing)
            {
                (note.Status, note.PublishAt) = (NoteStatus.Published, now);
                await publication.PublishAsync(note, cancellationToken);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        Forget(notes);
        return true;
    }

    /// <summary>A failed attempt is tried again; after the last, the upload is failed and waiting notes go back to drafts.</summary>
    public async Task FailAsync(VideoJob claimed, string owner, string errors, CancellationToken cancellationToken)
    {
        var error = errors.Length > 400 ? errors[..400] : errors;
        if (claimed.Attempts < VideoJob.MaxAttempts)
        {
            await VideoJobLeases.ReleaseAsync(db, claimed.MediaId, owner, error, cancellationToken);
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var job = await db.VideoJobs.FirstAsync(j => j.MediaId == claimed.MediaId, cancellationToken);
        var asset = await db.MediaAssets.FirstAsync(m => m.Id == claimed.MediaId, cancellationToken);
        (job.FinishedAt, job.Error) = (clock.GetUtcNow(), error);
        asset.State = MediaState.Failed;
        var notes = (await WaitingNotesAsync(asset.Key, cancellationToken)).Where(n => n.Status == NoteStatus.Processing).ToList();
        notes.ForEach(n => n.Status = NoteStatus.Draft);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        Forget(notes);
    }

    private Task<List<Note>> WaitingNotesAsync(string videoKey, CancellationToken cancellationToken) =>
        db.Notes.Include(n => n.Media)
            .Where(n => n.Type == NoteType.Video && n.Status != NoteStatus.Deleted && n.Media.Any(m => m.MediaKey == videoKey))
            .ToListAsync(cancellationToken);

    private void Forget(List<Note> notes)
    {
        foreach (var note in notes)
        {
            rows.Forget(note.Id);
            timelines.ForgetAuthor(note.AuthorId);
        }

        newest.Forget();
    }
}
