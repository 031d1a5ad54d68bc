namespace Vermilion.Community.Media;

internal enum MediaKind
{
    Image = 1,
    Video = 2,
}

/// <summary>Whether an upload can be shown: a video is processing until its rendition and poster are made.</summary>
internal enum MediaState
{
    Ready = 0,
    Processing = 1,
    Failed = 2,
}

/// <summary>An upload, owned by the person who sent it until a note or comment uses it.</summary>
internal sealed class MediaAsset
{
    public long Id { get; init; }

    public long OwnerId { get; init; }

    public MediaKind Kind { get; init; }

    public required string Key { get; init; }

    public string? PosterKey { get; set; }

    /// <summary>For a picture (a video: its poster): the colour shown in its place while it loads (#rrggbb); null for uploads made before it was kept.</summary>
    public string? Color { get; set; }

    public int Width { get; init; }

    public int Height { get; init; }

    public int DurationSeconds { get; init; }

    public long Bytes { get; init; }

    public MediaState State { get; set; }

    public DateTimeOffset CreatedAt { get; init; }
}
