using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Vermilion.Community.Series;
using Vermilion.Kernel.Errors;
using Vermilion.Kernel.Media;
using Vermilion.Community.Feeds.Following;

namespace Vermilion.Community.Notes;

/// <summary>
/// Changes a note's words, place, privacy or pictures' order and cover. Only the author may; a published note
/// is marked as edited. A draft can be published (or scheduled) by sending <c>draft: false</c>.
/// </summary>
internal sealed class EditNoteHandler(CommunityDb db, TimelineCache timelines, Feeds.NewestNotes newest, NoteRowCache rows, TimeProvider clock, Pictures pictures, NotePublication publication, SeriesChoice series, IStringLocalizer text)
{
    public async Task<Outcome<long>> HandleAsync(long userId, long noteId, NoteRequest request, bool publishDraft, CancellationToken cancellationToken)
    {
        var note = await db.Notes.Include(n => n.Media).FirstOrDefaultAsync(n => n.Id == noteId && n.Status != NoteStatus.Deleted, cancellationToken);
        if (note is null)
        {
            return new Failure(FailureKind.NotFound, text["community.note.not_found"]);
        }

        if (note.AuthorId != userId)
        {
            return await Visibility.NotYoursAsync(db, noteId, userId, clock.GetUtcNow(), text, cancellationToken);
        }

        var now = clock.GetUtcNow();
        var errors = new FieldErrors();
        var title = request.Title is null ? note.Title : NoteText.Clean(request.Title);
        var body = request.Body is null ? note.Body : NoteText.Clean(request.Body);
        var privacy = request.Privacy is null ? note.Privacy : NoteNames.ParsePrivacy(request.Privacy);
        if (privacy is null)
        {
            errors.Add("privacy", text["community.note.privacy"]);
        }

        NoteValidation.CheckText(title, body, errors, text);
        NoteValidation.CheckPlace(request.City, request.Place, request.Latitude, request.Longitude, errors, text);
        if (publishDraft)
        {
            NoteValidation.CheckSchedule(request.PublishAt, now, errors, text);
        }

        if (note.Type == NoteType.Text && title.Length == 0 && body.Length == 0)
        {
            errors.Add("title", text["community.note.text_empty"]);
        }

        var seriesId = await series.CheckAsync(userId, request.SeriesId, errors, cancellationToken);
        var poster = note.Type == NoteType.Video && request.PosterId is not null ? await NotePoster.FindAsync(db, userId, request.PosterId, errors, text, cancellationToken) : null;
        var cover = request.CoverIndex ?? note.Media.FindIndex(m => m.MediaKey == note.CoverKey);
        if (note.Type == NoteType.Image && (cover < 0 || cover >= note.Media.Count))
        {
            errors.Add("coverIndex", text["community.note.cover"]);
        }

        if (!errors.IsEmpty)
        {
            return Failure.Invalid(errors, text["common.invalid"]);
        }

        var wasVisible = note.Status == NoteStatus.Published;
        note.Title = title;
        note.Body = body;
        note.Privacy = privacy!.Value;
        note.City = request.City is null ? note.City : NoteText.Clean(request.City);
        note.Place = request.Place is null ? note.Place : NoteText.Clean(request.Place);
        if (request.Latitude.HasValue)
        {
            (note.Latitude, note.Longitude) = (request.Latitude, request.Longitude);
        }

        if (note.Type == NoteType.Image)
        {
            var chosen = note.Media.OrderBy(m => m.Position).ElementAt(cover);
            (note.CoverKey, note.CoverColor, note.CoverWidth, note.CoverHeight) = (chosen.MediaKey, chosen.Color, chosen.Width, chosen.Height);
        }
        else if (note.Type == NoteType.Video && poster is not null)
        {
            var video = note.Media.Single();
            note.Media.Remove(video);
            note.Media.Add(new NoteMedia { NoteId = note.Id, Position = 0, MediaKey = video.MediaKey, PosterKey = poster.Key, Color = poster.Color, Width = video.Width, Height = video.Height });
            (note.CoverKey, note.CoverColor, note.CoverWidth, note.CoverHeight) = (poster.Key, poster.Color, poster.Width, poster.Height);
        }
        else if (note.Type == NoteType.Text)
        {
            note.CardStyle = Math.Clamp(request.CardStyle ?? note.CardStyle, 0, TextCards.StyleCount - 1);
            await TextCards.DrawCoverAsync(note, pictures, cancellationToken);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (wasVisible)
        {
            note.EditedAt = now;
            await publication.RepublishAsync(note, cancellationToken);
        }
        else if (publishDraft && note.Status == NoteStatus.Draft)
        {
            var scheduled = request.PublishAt is { } at && at > now.AddMinutes(1);
            note.Status = scheduled ? NoteStatus.Scheduled
                : await VideoWait.IsWaitingAsync(db, note, cancellationToken) ? NoteStatus.Processing
                : NoteStatus.Published;
            note.PublishAt = scheduled ? request.PublishAt!.Value : now;
            if (note.Status == NoteStatus.Published)
            {
                await publication.PublishAsync(note, cancellationToken);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        timelines.ForgetAuthor(note.AuthorId);
        newest.Forget();
        rows.Forget(note.Id);
        await series.ApplyAsync(userId, note.Id, seriesId, cancellationToken);
        return note.Id;
    }
}
