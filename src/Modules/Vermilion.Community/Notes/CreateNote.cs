using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Vermilion.Community.Media;
using Vermilion.Community.Series;
using Vermilion.Kernel.Errors;
using Vermilion.Kernel.Ids;
using Vermilion.Kernel.Media;
using Vermilion.Community.Feeds.Following;

namespace Vermilion.Community.Notes;

/// <summary>Publishes a note now, schedules it, or keeps it as a draft.</summary>
internal sealed class CreateNoteHandler(
    CommunityDb db,
    TimelineCache timelines,
    Feeds.NewestNotes newest,
    IdGenerator ids,
    TimeProvider clock,
    Pictures pictures,
    NotePublication publication,
    SeriesChoice series,
    IStringLocalizer text)
{
    public async Task<Outcome<long>> HandleAsync(long authorId, NoteRequest request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var errors = new FieldErrors();
        var type = NoteNames.ParseType(request.Type);
        var privacy = NoteNames.ParsePrivacy(request.Privacy);
        if (type is null)
        {
            errors.Add("type", text["community.note.type"]);
        }

        if (privacy is null)
        {
            errors.Add("privacy", text["community.note.privacy"]);
        }

        var title = NoteText.Clean(request.Title);
        var body = NoteText.Clean(request.Body);
        NoteValidation.CheckText(title, body, errors, text);
        NoteValidation.CheckPlace(request.City, request.Place, request.Latitude, request.Longitude, errors, text);
        NoteValidation.CheckSchedule(request.PublishAt, now, errors, text);
        if (type == NoteType.Text && title.Length == 0 && body.Length == 0)
        {
            errors.Add("title", text["community.note.text_empty"]);
        }

        var media = await MediaOfAsync(authorId, type, request.MediaIds ?? [], errors, cancellationToken);
        var poster = type == NoteType.Video ? await NotePoster.FindAsync(db, authorId, request.PosterId, errors, text, cancellationToken) : null;
        if (type == NoteType.Video && media.Count == 1 && media[0].State == MediaState.Failed)
        {
            errors.Add("mediaIds", text["community.note.video_failed"]);
        }
        var seriesId = await series.CheckAsync(authorId, request.SeriesId, errors, cancellationToken);
        var coverIndex = request.CoverIndex ?? 0;
        if (media.Count > 0 && (coverIndex < 0 || coverIndex >= media.Count))
        {
            errors.Add("coverIndex", text["community.note.cover"]);
        }

        if (!errors.IsEmpty)
        {
            return Failure.Invalid(errors, text["common.invalid"]);
        }

        var note = new Note
        {
            Id = ids.Next(),
            AuthorId = authorId,
            Type = type!.Value,
            Title = title,
            Body = body,
            CardStyle = Math.Clamp(request.CardStyle ?? 0, 0, TextCards.StyleCount - 1),
            City = NoteText.Clean(request.City),
            Place = NoteText.Clean(request.Place),
            Latitude = request.Latitude,
            Longitude = request.Longitude,
            Privacy = privacy!.Value,
            CreatedAt = now,
        };
        note.Status = request.Draft ? NoteStatus.Draft
            : request.PublishAt is { } at && at > now.AddMinutes(1) ? NoteStatus.Scheduled
            : NoteStatus.Published;
        note.PublishAt = note.Status == NoteStatus.Scheduled ? request.PublishAt!.Value : now;
        if (type == NoteType.Video)
        {
            SetVideo(note, media[0], poster);
            if (note.Status == NoteStatus.Published && media[0].State == MediaState.Processing)
            {
                note.Status = NoteStatus.Processing;
            }
        }
        else
        {
            await SetCoverAsync(note, media, coverIndex, cancellationToken);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Notes.Add(note);
        if (note.Status == NoteStatus.Published)
        {
            await publication.PublishAsync(note, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        timelines.ForgetAuthor(authorId);
        newest.Forget();
        await series.ApplyAsync(authorId, note.Id, seriesId, cancellationToken);
        return note.Id;
    }

    /// <summary>The uploads named by the request, in its order; each must be the author's own and of the right kind.</summary>
    private async Task<List<MediaAsset>> MediaOfAsync(long authorId, NoteType? type, IReadOnlyList<string> mediaIds, FieldErrors errors, CancellationToken cancellationToken)
    {
        var wanted = mediaIds.Select(m => ShortId.TryDecode(m, out var id) ? id : -1).ToList();
        if (type == NoteType.Image && (wanted.Count is 0 or > Note.ImagesMax))
        {
            errors.Add("mediaIds", text["community.note.images_count", Note.ImagesMax]);
            return [];
        }

        if (type == NoteType.Text && wanted.Count > 0)
        {
            errors.Add("mediaIds", text["community.note.text_no_media"]);
            return [];
        }

        if (type == NoteType.Video && wanted.Count != 1)
        {
            errors.Add("mediaIds", text["community.note.video_count"]);
            return [];
        }

        if (wanted.Distinct().Count() != wanted.Count)
        {
            errors.Add("mediaIds", text["community.note.media_unknown"]);
            return [];
        }

        var kind = type == NoteType.Video ? MediaKind.Video : MediaKind.Image;
        var found = await db.MediaAssets.AsNoTracking().Where(m => wanted.Contains(m.Id) && m.OwnerId == authorId && m.Kind == kind)
            .ToDictionaryAsync(m => m.Id, cancellationToken);
        if (found.Count != wanted.Count)
        {
            errors.Add("mediaIds", text["community.note.media_unknown"]);
            return [];
        }

        return [.. wanted.Select(id => found[id])];
    }

    /// <summary>The author's poster, else the frame the server took (none yet while the video is processing: the job fills it in).</summary>
    private static void SetVideo(Note note, MediaAsset video, MediaAsset? picked)
    {
        var (key, color, width, height) = picked is not null ? (picked.Key, picked.Color, picked.Width, picked.Height)
            : (video.PosterKey, video.Color, video.Width, video.Height);
        note.Media.Add(new NoteMedia { NoteId = note.Id, Position = 0, MediaKey = video.Key, PosterKey = key, Color = color, Width = video.Width, Height = video.Height });
        (note.CoverKey, note.CoverColor, note.CoverWidth, note.CoverHeight) = (key, color, width, height);
        note.DurationSeconds = video.DurationSeconds;
    }

    private async Task SetCoverAsync(Note note, List<MediaAsset> media, int coverIndex, CancellationToken cancellationToken)
    {
        for (var i = 0; i < media.Count; i++)
        {
            note.Media.Add(new NoteMedia { NoteId = note.Id, Position = i, MediaKey = media[i].Key, Color = media[i].Color, Width = media[i].Width, Height = media[i].Height });
        }

        if (media.Count > 0)
        {
            var cover = media[coverIndex];
            (note.CoverKey, note.CoverColor, note.CoverWidth, note.CoverHeight) = (cover.Key, cover.Color, cover.Width, cover.Height);
            return;
        }

        await TextCards.DrawCoverAsync(note, pictures, cancellationToken);
    }
}
