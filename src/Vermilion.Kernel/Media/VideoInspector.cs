namespace Vermilion.Kernel.Media;

/// <summary>
/// Accepts MP4 and WebM by their bytes: walks the container's structure (never decoding a frame), checks it is
/// whole, reads the picture size and the length, and blanks metadata (GPS, device, XMP, tags, attachments) in
/// place — same size, so the media offsets inside the file stay right.
/// </summary>
public static class VideoInspector
{
    /// <summary>True when the first bytes look like a video container this inspector reads.</summary>
    public static bool LooksLikeVideo(ReadOnlySpan<byte> head) => Detect(head) is not null;

    /// <summary>Inspects a seekable, writable stream (the uploaded file) and cleans it in place.</summary>
    public static (CheckedVideo? Video, VideoRejection? Rejection) InspectAndClean(Stream file, VideoLimits limits)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(limits);
        if (file.Length == 0)
        {
            return (null, VideoRejection.Empty);
        }

        if (file.Length > limits.MaxBytes)
        {
            return (null, VideoRejection.TooLarge);
        }

        Span<byte> head = stackalloc byte[16];
        file.Position = 0;
        var read = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        var parsed = Detect(head[..read]) switch
        {
            VideoFormat.Mp4 => Mp4File.Read(file),
            VideoFormat.WebM => WebMFile.Read(file),
            _ => ParsedVideo.Unsupported,
        };
        if (parsed.Video is not { } video)
        {
            return (null, parsed.Rejection ?? VideoRejection.Unsupported);
        }

        if (video.Width < 16 || video.Height < 16 || video.Width > limits.MaxSide || video.Height > limits.MaxSide)
        {
            return (null, VideoRejection.Dimensions);
        }

        if (!double.IsFinite(video.DurationSeconds) || video.DurationSeconds < limits.MinDuration.TotalSeconds)
        {
            return (null, VideoRejection.TooShort);
        }

        return video.DurationSeconds > limits.MaxDuration.TotalSeconds ? (null, VideoRejection.TooLong) : (video, null);
    }

    private static VideoFormat? Detect(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 8 && head[4..8].SequenceEqual("ftyp"u8))
        {
            return VideoFormat.Mp4;
        }

        return head.Length >= 4 && head[..4].SequenceEqual((ReadOnlySpan<byte>)[0x1A, 0x45, 0xDF, 0xA3]) ? VideoFormat.WebM : null;
    }

    /// <summary>Overwrites <paramref name="count"/> bytes at <paramref name="at"/> with zeros.</summary>
    internal static void Zero(Stream file, long at, long count)
    {
        Span<byte> zeros = stackalloc byte[4096];
        zeros.Clear();
        file.Position = at;
        while (count > 0)
        {
            var n = (int)Math.Min(count, zeros.Length);
            file.Write(zeros[..n]);
            count -= n;
        }
    }
}
