using System.Globalization;
using System.Text.Json;

namespace Vermilion.Kernel.Media;

/// <summary>
/// Accepts MP4 and WebM by their bytes: the first bytes must be one of those containers, then <c>ffprobe</c>
/// reads the file's structure (never decoding a frame) for its streams, picture size, rotation and length.
/// A file cut short, or with its index missing, is refused as incomplete.
/// </summary>
public static class VideoInspector
{
    private static readonly TimeSpan ProbeTime = TimeSpan.FromSeconds(30);

    /// <summary>True when the first bytes look like a video container we accept.</summary>
    public static bool LooksLikeVideo(ReadOnlySpan<byte> head) => Detect(head) is not null;

    public static async Task<(CheckedVideo? Video, VideoRejection? Rejection)> InspectAsync(string path, VideoLimits limits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var info = new FileInfo(path);
        if (!info.Exists || info.Length == 0)
        {
            return (null, VideoRejection.Empty);
        }

        if (info.Length > limits.MaxBytes)
        {
            return (null, VideoRejection.TooLarge);
        }

        var head = new byte[16];
        await using (var file = File.OpenRead(path))
        {
            await file.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        }

        if (Detect(head) is not { } format)
        {
            return (null, VideoRejection.Unsupported);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ProbeTime);
        FfmpegTool.Result probe;
        try
        {
            probe = await FfmpegTool.RunAsync("ffprobe",
                ["-v", "error", "-print_format", "json", "-show_format", "-show_streams", path], null, timeout.Token);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No ffprobe on this node (operations.md lists it): the upload is refused, never a server error.
            return (null, VideoRejection.Unsupported);
        }

        if (probe.ExitCode != 0)
        {
            // A cut file has lost its end, and often with it the index (an MP4's moov written last).
            return (null, IsCut(probe.Errors) ? VideoRejection.Truncated : VideoRejection.Unsupported);
        }

        var (video, rejection) = Judge(format, probe.Output, limits);
        if (rejection == VideoRejection.TooShort && video is null && await LastPacketSecondsAsync(path, timeout.Token) is > 0 and var measured)
        {
            // A recording written live (a browser's MediaRecorder) has no length in its header: the packets tell it.
            (video, rejection) = Judge(format, probe.Output, limits, measured);
        }

        return (video, rejection);
    }

    /// <summary>The end of the last video packet, read by demuxing the whole file (no decoding).</summary>
    private static async Task<double> LastPacketSecondsAsync(string path, CancellationToken cancellationToken)
    {
        double end = 0;
        await FfmpegTool.RunAsync("ffprobe",
            ["-v", "error", "-select_streams", "v:0", "-show_entries", "packet=pts_time,duration_time", "-of", "csv=p=0", path],
            line =>
            {
                var parts = line.Split(',');
                if (parts.Length > 0 && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var pts))
                {
                    var length = parts.Length > 1 && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : 0;
                    end = Math.Max(end, pts + length);
                }
            }, cancellationToken);
        return end;
    }

    private static (CheckedVideo?, VideoRejection?) Judge(VideoFormat format, string json, VideoLimits limits, double measuredSeconds = 0)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var streams = root.TryGetProperty("streams", out var s) ? s.EnumerateArray().ToList() : [];
        var picture = streams.FirstOrDefault(x => Text(x, "codec_type") == "video" && !IsStillCover(x));
        if (picture.ValueKind == JsonValueKind.Undefined)
        {
            return (null, VideoRejection.NoPicture);
        }

        var (width, height) = (Number(picture, "width"), Number(picture, "height"));
        if (Math.Abs(Rotation(picture)) % 180 == 90)
        {
            (width, height) = (height, width);
        }

        if (width < 16 || height < 16 || width > limits.MaxSide || height > limits.MaxSide)
        {
            return (null, VideoRejection.Dimensions);
        }

        var duration = root.TryGetProperty("format", out var f) ? Seconds(f) : 0;
        duration = duration > 0 ? duration : Seconds(picture);
        duration = duration > 0 ? duration : measuredSeconds;
        if (!double.IsFinite(duration) || duration < limits.MinDuration.TotalSeconds)
        {
            return (null, VideoRejection.TooShort);
        }

        if (duration > limits.MaxDuration.TotalSeconds)
        {
            return (null, VideoRejection.TooLong);
        }

        var hasAudio = streams.Any(x => Text(x, "codec_type") == "audio");
        return (new CheckedVideo(format, width, height, duration, hasAudio), null);
    }

    private static bool IsCut(string errors) =>
        errors.Contains("moov atom not found", StringComparison.OrdinalIgnoreCase)
        || errors.Contains("partial file", StringComparison.OrdinalIgnoreCase)
        || errors.Contains("End of file", StringComparison.OrdinalIgnoreCase)
        || errors.Contains("truncat", StringComparison.OrdinalIgnoreCase);

    // Album art in an MP4 is a "video" stream of one picture; it is not the video.
    private static bool IsStillCover(JsonElement stream) =>
        stream.TryGetProperty("disposition", out var d) && d.TryGetProperty("attached_pic", out var a) && a.GetInt32() == 1;

    private static int Rotation(JsonElement stream)
    {
        if (stream.TryGetProperty("side_data_list", out var sides))
        {
            foreach (var side in sides.EnumerateArray())
            {
                if (side.TryGetProperty("rotation", out var r) && r.TryGetInt32(out var degrees))
                {
                    return degrees;
                }
            }
        }

        return stream.TryGetProperty("tags", out var tags) && tags.TryGetProperty("rotate", out var rotate)
            && int.TryParse(rotate.GetString(), CultureInfo.InvariantCulture, out var tagged) ? tagged : 0;
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static int Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.TryGetInt32(out var n) ? n : 0;

    private static double Seconds(JsonElement element) =>
        double.TryParse(Text(element, "duration"), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) ? seconds : 0;

    private static VideoFormat? Detect(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 8 && head[4..8].SequenceEqual("ftyp"u8))
        {
            return VideoFormat.Mp4;
        }

        return head.Length >= 4 && head[..4].SequenceEqual((ReadOnlySpan<byte>)[0x1A, 0x45, 0xDF, 0xA3]) ? VideoFormat.WebM : null;
    }
}
