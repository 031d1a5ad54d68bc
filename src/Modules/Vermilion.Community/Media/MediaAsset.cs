namespace Vermilion.Community.Media;

internal enum MediaKind
{
    Image = 1,
    Video = 2,
}

/// <summary>An upload, owned by the person who sent it until a note or comment uses it.</summary>
internal sealed class MediaAsset
{
    public long Id { get; init; }

    public long OwnerId { get; init; }

    public MediaKind Kind { get; init; }

    public required string Key { get; init; }

    public string? PosterKey { get; init; }

    public int Width { get; init; }

    public int Height { get; init; }

    public int DurationSeconds { get; init; }

    public long Bytes { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}
