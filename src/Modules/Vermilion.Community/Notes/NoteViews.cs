using Vermilion.Accounts.Contracts;
using Vermilion.Community.Contracts;
using Vermilion.Kernel.Ids;

namespace Vermilion.Community.Notes;

/// <summary>One picture (or video) of a note; <c>Color</c> is the picture's (or poster's) dominant colour, when known.</summary>
public sealed record NoteImage(string Url, int Width, int Height, string? PosterUrl, string? Color = null);

/// <summary>A whole note as its page and the API show it.</summary>
public sealed record NoteDetail(
    string Id,
    string Type,
    string Title,
    string Body,
    IReadOnlyList<NoteImage> Media,
    string CoverUrl,
    IReadOnlyList<string> Topics,
    string City,
    string Place,
    double? Latitude,
    double? Longitude,
    string Privacy,
    string Status,
    DateTimeOffset PublishedAt,
    DateTimeOffset? EditedAt,
    UserSummary Author,
    int LikeCount,
    int CollectCount,
    int CommentCount,
    bool Liked,
    bool Collected,
    bool FollowingAuthor,
    string? PinnedCommentId,
    int DurationSeconds = 0);

internal static class NoteNames
{
    public static string TypeName(NoteType type) => type.ToString().ToLowerInvariant();

    public static string PrivacyName(Privacy privacy) => privacy switch
    {
        Privacy.Followers => "followers",
        Privacy.OnlyMe => "private",
        _ => "public",
    };

    public static Privacy? ParsePrivacy(string? value) => value?.ToLowerInvariant() switch
    {
        null or "" or "public" => Privacy.Public,
        "followers" => Privacy.Followers,
        "private" or "onlyme" => Privacy.OnlyMe,
        _ => null,
    };

    public static NoteType? ParseType(string? value) => value?.ToLowerInvariant() switch
    {
        null or "" or "image" => NoteType.Image,
        "video" => NoteType.Video,
        "text" => NoteType.Text,
        _ => null,
    };

    public static string CoverUrl(Note note) => note.CoverKey is { } key ? "/media/" + key : "/img/logo-mark.svg";

    public static string CardTitle(Note note) =>
        note.Title.Length > 0 ? note.Title : note.Body.Length <= 40 ? note.Body : note.Body[..40] + "…";

    public static NoteCard ToCard(Note note, UserSummary author, bool liked, string? reason = null) => new(
        ShortId.Encode(note.Id), TypeName(note.Type), CardTitle(note), CoverUrl(note), note.CoverWidth, note.CoverHeight,
        author, note.LikeCount, liked, note.PublishAt, reason, note.DurationSeconds, note.Status.ToString().ToLowerInvariant(), CoverColor: note.CoverColor);

    /// <summary>Someone no longer here still shows as a person, not as an error.</summary>
    public static UserSummary Unknown(long id) => new(id, ShortId.Encode(id), "", "?", $"/avatars/{ShortId.Encode(id)}.svg", null, []);
}
