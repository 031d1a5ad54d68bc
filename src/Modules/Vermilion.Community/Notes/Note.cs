namespace Vermilion.Community.Notes;

internal enum NoteType
{
    Image = 1,
    Video = 2,
    Text = 3,
}

/// <summary>Who may see a note.</summary>
internal enum Privacy
{
    Public = 0,
    Followers = 1,
    OnlyMe = 2,
}

internal enum NoteStatus
{
    Draft = 0,
    Scheduled = 1,
    Published = 2,
    Deleted = 3,

    /// <summary>Published by its author, shown once its video's rendition is ready.</summary>
    Processing = 4,
}

/// <summary>A note (笔记): images, a video or a text card, with a title, body, topics and a place.</summary>
internal sealed class Note
{
    public const int TitleMax = 20;
    public const int BodyMax = 1000;
    public const int ImagesMax = 18;

    public long Id { get; init; }

    public long AuthorId { get; init; }

    public NoteType Type { get; set; }

    public string Title { get; set; } = "";

    public string Body { get; set; } = "";

    /// <summary>For text cards: which of the card styles renders the cover.</summary>
    public int CardStyle { get; set; }

    public string City { get; set; } = "";

    public string Place { get; set; } = "";

    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    public Privacy Privacy { get; set; }

    public NoteStatus Status { get; set; }

    /// <summary>When the note appears: the publish moment, or the scheduled one.</summary>
    public DateTimeOffset PublishAt { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? EditedAt { get; set; }

    public string? CoverKey { get; set; }

    /// <summary>The cover's dominant colour (#rrggbb), the card's background until the picture arrives.</summary>
    public string? CoverColor { get; set; }

    public int CoverWidth { get; set; }

    public int CoverHeight { get; set; }

    /// <summary>For video notes: the length in seconds.</summary>
    public int DurationSeconds { get; set; }

    public long? PinnedCommentId { get; set; }

    public int LikeCount { get; set; }

    public int CollectCount { get; set; }

    public int CommentCount { get; set; }

    public List<NoteMedia> Media { get; init; } = [];

    public bool IsVisibleNow(DateTimeOffset now) => Status == NoteStatus.Published && PublishAt <= now;
}

/// <summary>One picture (or the video and its poster) of a note, in the author's order.</summary>
internal sealed class NoteMedia
{
    public long NoteId { get; init; }

    public int Position { get; set; }

    public required string MediaKey { get; init; }

    /// <summary>For a video: its poster frame.</summary>
    public string? PosterKey { get; init; }

    /// <summary>The picture's (or poster's) dominant colour, shown while it loads.</summary>
    public string? Color { get; init; }

    public int Width { get; init; }

    public int Height { get; init; }
}
