using System.Diagnostics;
using System.Globalization;

namespace Vermilion.Testing;

/// <summary>
/// Real videos made by ffmpeg from its test patterns: a moving picture and a tone, with a title in their metadata
/// that must not survive. MP4s are written the plain way, index (moov) last, as the rendition must fix. Each is
/// made once per test run and kept in a temporary folder.
/// </summary>
public static class TestVideos
{
    public const string SecretText = "SecretPhone 31.2304N 121.4737E";

    private static readonly string Folder = Directory.CreateTempSubdirectory("vermilion-test-videos-").FullName;

    /// <summary>An MP4; <paramref name="rotate"/> marks it as filmed turned (a phone held upright), as phones do.</summary>
    public static byte[] Mp4(int width, int height, double seconds, bool audio = true, int rate = 10, int rotate = 0)
    {
        var name = $"{width}x{height}-{Seconds(seconds)}-{audio}-{rate}.mp4";
        var plain = Make(name,
        [
            .. Sources(width, height, seconds, audio, rate),
            "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", .. (audio ? (string[])["-c:a", "aac"] : []),
        ]);
        // ffmpeg writes the rotation only when it copies streams, so turning is a second pass.
        return rotate == 0 ? plain : Make($"turned{rotate}-{name}", ["-i", Path.Combine(Folder, name), "-c", "copy", "-metadata:s:v:0", $"rotate={rotate}"]);
    }

    public static byte[] WebM(int width, int height, double seconds, bool audio = true) =>
        Make($"{width}x{height}-{Seconds(seconds)}-{audio}.webm",
        [
            .. Sources(width, height, seconds, audio, 10),
            "-c:v", "libvpx", "-deadline", "realtime", "-b:v", "200k", .. (audio ? (string[])["-c:a", "libopus"] : []),
        ]);

    /// <summary>An MP4 holding only sound (an .m4a): a container we accept, with no picture in it.</summary>
    public static byte[] SoundOnly(double seconds) =>
        Make($"sound-{Seconds(seconds)}.mp4", ["-f", "lavfi", "-i", $"sine=frequency=440:duration={Seconds(seconds)}", "-c:a", "aac"]);

    private static string[] Sources(int width, int height, double seconds, bool audio, int rate) =>
    [
        "-f", "lavfi", "-i", $"testsrc=size={width}x{height}:rate={rate}:duration={Seconds(seconds)}",
        .. (audio ? (string[])["-f", "lavfi", "-i", $"sine=frequency=440:duration={Seconds(seconds)}"] : []),
    ];

    private static byte[] Make(string name, string[] arguments)
    {
        var path = Path.Combine(Folder, name);
        if (!File.Exists(path))
        {
            var partial = path + ".part" + Path.GetExtension(path);
            var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in (string[])["-v", "error", "-y", .. arguments, "-metadata", "title=" + SecretText, "-shortest", partial])
            {
                start.ArgumentList.Add(argument);
            }

            using var ffmpeg = Process.Start(start)!;
            var errors = ffmpeg.StandardError.ReadToEnd();
            ffmpeg.WaitForExit();
            if (ffmpeg.ExitCode != 0)
            {
                throw new InvalidOperationException($"ffmpeg could not make {name}: {errors}");
            }

            File.Move(partial, path, overwrite: true);
        }

        return File.ReadAllBytes(path);
    }

    private static string Seconds(double seconds) => seconds.ToString("0.###", CultureInfo.InvariantCulture);
}
