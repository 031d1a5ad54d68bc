using System.Globalization;

namespace Vermilion.Kernel.Media;

/// <summary>
/// Makes what a browser plays from whatever a phone recorded: H.264 video and AAC sound in an MP4 whose index
/// (moov) comes first, so playback starts before the whole file arrives; at most 1920 pixels on the long side;
/// no metadata (GPS, device, titles) and no chapters. And a poster frame for before it plays.
/// </summary>
public static class VideoRendition
{
    public const int MaxSide = 1920;

    // Even sides (yuv420p needs them), the long side at most MaxSide, never enlarged.
    private const string Scale =
        "scale=w='if(gte(iw,ih),trunc(min(1920,iw)/2)*2,-2)':h='if(gte(iw,ih),-2,trunc(min(1920,ih)/2)*2)'";

    /// <summary>Renders <paramref name="source"/> to <paramref name="target"/>; progress is the share of the length done.</summary>
    public static async Task<(bool Done, string Errors)> RenderAsync(string source, string target, double durationSeconds, IProgress<double> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var result = await FfmpegTool.RunAsync("ffmpeg",
        [
            "-hide_banner", "-nostdin", "-v", "error", "-y", "-i", source,
            "-map", "0:v:0", "-map", "0:a:0?", "-vf", Scale,
            "-c:v", "libx264", "-preset", "veryfast", "-crf", "23", "-pix_fmt", "yuv420p",
            "-c:a", "aac", "-b:a", "128k", "-ac", "2",
            "-map_metadata", "-1", "-map_chapters", "-1", "-movflags", "+faststart",
            "-progress", "pipe:1", "-nostats", "-f", "mp4", target,
        ], line => Report(line, durationSeconds, progress), cancellationToken);
        return (result.ExitCode == 0 && File.Exists(target), result.Errors);
    }

    /// <summary>A frame near the start (a third of the way into the first three seconds), as PNG bytes; null if none could be read.</summary>
    public static async Task<byte[]?> PosterFrameAsync(string source, double durationSeconds, CancellationToken cancellationToken)
    {
        var at = Math.Min(1.0, durationSeconds / 3).ToString("0.###", CultureInfo.InvariantCulture);
        var frame = Path.Combine(Path.GetTempPath(), $"vermilion-poster-{Guid.NewGuid():N}.png");
        try
        {
            var result = await FfmpegTool.RunAsync("ffmpeg",
                ["-hide_banner", "-nostdin", "-v", "error", "-y", "-ss", at, "-i", source, "-frames:v", "1", "-map_metadata", "-1", frame],
                null, cancellationToken);
            return result.ExitCode == 0 && File.Exists(frame) ? await File.ReadAllBytesAsync(frame, cancellationToken) : null;
        }
        finally
        {
            File.Delete(frame);
        }
    }

    private static void Report(string line, double durationSeconds, IProgress<double> progress)
    {
        // "-progress" writes key=value lines; out_time_us is how far into the video the output has got.
        if (durationSeconds > 0 && line.StartsWith("out_time_us=", StringComparison.Ordinal)
            && long.TryParse(line.AsSpan("out_time_us=".Length), NumberStyles.Integer, CultureInfo.InvariantCulture, out var micros))
        {
            progress.Report(Math.Clamp(micros / 1e6 / durationSeconds, 0, 1));
        }
    }
}
