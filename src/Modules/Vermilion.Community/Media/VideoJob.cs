namespace Vermilion.Community.Media;

/// <summary>
/// A video waiting for its rendition and poster. Any node may take it: the one that writes its name into
/// <see cref="LeaseOwner"/> while the lease is free holds it, and renews the lease as it reports progress; a node
/// that stops renewing (crashed, restarted) loses it to the next after <see cref="LeaseUntil"/>.
/// </summary>
internal sealed class VideoJob
{
    public const int MaxAttempts = 3;

    public long MediaId { get; init; }

    /// <summary>The uploaded file's name in the media store's sources folder.</summary>
    public required string Source { get; init; }

    public double DurationSeconds { get; init; }

    /// <summary>Percent of the rendition done, as shown to the author.</summary>
    public int Progress { get; set; }

    public int Attempts { get; set; }

    public string? LeaseOwner { get; set; }

    public DateTimeOffset? LeaseUntil { get; set; }

    public string? Error { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; set; }
}
