using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using SkiaSharp;

namespace Vermilion.Bench;

/// <summary>
/// The picture benchmark, against a running server: photo-like 12-megapixel JPEGs uploaded one at a time and then
/// one per core (pictures processed per second: decode, turn, re-encode the original and two renditions, store),
/// the server's peak memory, and what a feed's first page of cards downloads before and after renditions.
/// </summary>
internal static class MediaRun
{
    private const int Width = 4032;
    private const int Height = 3024;
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static async Task<int> MainAsync(string[] args)
    {
        string? Value(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        var baseUrl = new Uri(Value("--base") ?? "http://127.0.0.1:5081");
        var serverPid = int.Parse(Value("--pid") ?? throw new ArgumentException("--pid of the server is required"), CultureInfo.InvariantCulture);
        var photos = int.Parse(Value("--photos") ?? "20", CultureInfo.InvariantCulture);
        var output = Value("--out") ?? "bench/results";
        if (!System.Net.IPAddress.TryParse(baseUrl.Host, out var address) || !System.Net.IPAddress.IsLoopback(address))
        {
            Console.Error.WriteLine("Load is only ever sent to this machine's loopback addresses.");
            return 2;
        }

        var loadBefore = Machine.LoadAverage();
        Console.Error.WriteLine($"Drawing {photos} photo-like {Width} × {Height} JPEGs...");
        var jpegs = Enumerable.Range(0, photos).Select(Photo).ToList();
        using var client = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromMinutes(5) };
        await SignUpAsync(client);
        var residentBefore = Memory(serverPid, "VmRSS");

        var half = photos / 2;
        var (oneAtATime, keysA) = await UploadAsync(client, jpegs[..half], parallel: 1);
        var (onePerCore, keysB) = await UploadAsync(client, jpegs[half..], parallel: Environment.ProcessorCount);
        var peak = Memory(serverPid, "VmHWM");

        // A feed's first page: each card's cover, as the page served it before (the stored upload) and now.
        var keys = keysA.Concat(keysB).Take(20).ToList();
        var cards = new List<object>();
        long uploaded = 0, shrunk = 0, card = 0, detail = 0, original = 0;
        for (var i = 0; i < keys.Count; i++)
        {
            var hash = keys[i][..64];
            var sizes = (
                Uploaded: (long)jpegs[i].Length,
                Shrunk: (long)BrowserShrink(jpegs[i]).Length,
                Card: await BytesAsync(client, $"/media/{hash}-card.webp"),
                Detail: await BytesAsync(client, $"/media/{hash}-detail.webp"),
                Original: await BytesAsync(client, $"/media/{keys[i]}"));
            (uploaded, shrunk, card, detail, original) = (uploaded + sizes.Uploaded, shrunk + sizes.Shrunk, card + sizes.Card, detail + sizes.Detail, original + sizes.Original);
            cards.Add(new { sizes.Uploaded, sizes.Shrunk, sizes.Card, sizes.Detail, sizes.Original });
        }

        var n = Math.Max(1, keys.Count);
        var report = new StringBuilder()
            .AppendLine("# media")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"- date: {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC")
            .AppendLine(CultureInfo.InvariantCulture, $"- machine: {Machine.Describe()}")
            .AppendLine(CultureInfo.InvariantCulture, $"- load average when the run began: {loadBefore}")
            .AppendLine(CultureInfo.InvariantCulture, $"- data: {photos} photo-like JPEGs of {Width} × {Height} (12.2 MP, quality 90, {jpegs.Average(j => j.Length) / 1024 / 1024:0.0} MB on average), uploaded through `POST /api/media` of a Release server on loopback")
            .AppendLine()
            .AppendLine("## Processing (decode, re-encode the original as WebP, card and detail renditions, dominant colour, store)")
            .AppendLine()
            .AppendLine("| uploads at a time | pictures | seconds | pictures/s |")
            .AppendLine("|---|---|---|---|")
            .AppendLine(CultureInfo.InvariantCulture, $"| 1 | {half} | {oneAtATime:0.00} | {half / oneAtATime:0.00} |")
            .AppendLine(CultureInfo.InvariantCulture, $"| {Environment.ProcessorCount} | {photos - half} | {onePerCore:0.00} | {(photos - half) / onePerCore:0.00} |")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Server memory: {residentBefore / 1024} MB resident before the uploads, **{peak / 1024} MB peak** (VmHWM) after them.")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"## A feed's first page of cards ({keys.Count} cards)")
            .AppendLine()
            .AppendLine("| what a card downloads | bytes per card | page total |")
            .AppendLine("|---|---|---|")
            .AppendLine(CultureInfo.InvariantCulture, $"| before: the stored upload, as sent through the API | {uploaded / n / 1024:N0} KB | {uploaded / 1024 / 1024.0:0.0} MB |")
            .AppendLine(CultureInfo.InvariantCulture, $"| before: the stored upload, as the publish page shrank it (2160 px JPEG) | {shrunk / n / 1024:N0} KB | {shrunk / 1024 / 1024.0:0.0} MB |")
            .AppendLine(CultureInfo.InvariantCulture, $"| **now: the card rendition (540 px WebP)** | **{card / n / 1024:N0} KB** | **{card / 1024 / 1024.0:0.00} MB** |")
            .AppendLine(CultureInfo.InvariantCulture, $"| (the detail rendition, 1080 px WebP, for a note's page) | {detail / n / 1024:N0} KB | {detail / 1024 / 1024.0:0.0} MB |")
            .AppendLine(CultureInfo.InvariantCulture, $"| (the original-size WebP re-encode) | {original / n / 1024:N0} KB | {original / 1024 / 1024.0:0.0} MB |");
        Directory.CreateDirectory(output);
        await File.WriteAllTextAsync(Path.Combine(output, "media.md"), report.ToString());
        await File.WriteAllTextAsync(Path.Combine(output, "media.json"), JsonSerializer.Serialize(new
        {
            machine = Machine.Describe(), loadBefore, photos, width = Width, height = Height,
            oneAtATime = new { pictures = half, seconds = oneAtATime }, onePerCore = new { parallel = Environment.ProcessorCount, pictures = photos - half, seconds = onePerCore },
            residentBeforeKb = residentBefore, peakKb = peak, cards,
        }, Indented));
        Console.WriteLine(report);
        return 0;
    }

    private static async Task<(double Seconds, List<string> Keys)> UploadAsync(HttpClient client, List<byte[]> jpegs, int parallel)
    {
        var keys = new string[jpegs.Count];
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, parallel).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) is var i && i < jpegs.Count)
            {
                using var content = new ByteArrayContent(jpegs[i]);
                content.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
                using var response = await client.PostAsync("/api/media", content);
                response.EnsureSuccessStatusCode();
                var url = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("url").GetString()!;
                keys[i] = url["/media/".Length..];
            }
        }));
        return (clock.Elapsed.TotalSeconds, [.. keys]);
    }

    private static async Task SignUpAsync(HttpClient client)
    {
        var name = "bench" + Environment.TickCount64 % 1_000_000;
        var response = await client.PostAsJsonAsync("/api/auth/signup", new { username = name, password = "vermilion-bench-2026" });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    private static async Task<long> BytesAsync(HttpClient client, string path) => (await client.GetByteArrayAsync(path)).LongLength;

    /// <summary>A stand-in for a phone photo: soft shapes over a gradient and fine sensor noise (so it compresses like one).</summary>
    private static byte[] Photo(int seed)
    {
        var random = new Random(seed);
        using var bitmap = new SKBitmap(Width, Height);
        using (var canvas = new SKCanvas(bitmap))
        using (var paint = new SKPaint { IsAntialias = true })
        {
            using var sky = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(0, Height),
                [new SKColor((byte)random.Next(256), (byte)random.Next(256), 255), new SKColor(60, (byte)random.Next(80, 200), 70)], SKShaderTileMode.Clamp);
            paint.Shader = sky;
            canvas.DrawRect(0, 0, Width, Height, paint);
            paint.Shader = null;
            paint.ImageFilter = SKImageFilter.CreateBlur(6, 6);
            for (var i = 0; i < 400; i++)
            {
                paint.Color = new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(60, 200));
                canvas.DrawCircle(random.Next(Width), random.Next(Height), random.Next(20, 400), paint);
            }
        }

        var pixels = bitmap.GetPixelSpan().ToArray();
        for (var i = 0; i < pixels.Length; i++)
        {
            if (i % 4 != 3)
            {
                pixels[i] = (byte)Math.Clamp(pixels[i] + random.Next(-6, 7), 0, 255);
            }
        }

        System.Runtime.InteropServices.Marshal.Copy(pixels, 0, bitmap.GetPixels(), pixels.Length);
        using var encoded = bitmap.Encode(SKEncodedImageFormat.Jpeg, 90);
        return encoded.ToArray();
    }

    /// <summary>What the publish page sent before: the longer side shrunk to 2160 and re-encoded as JPEG at 0.86.</summary>
    private static byte[] BrowserShrink(byte[] jpeg)
    {
        using var photo = SKBitmap.Decode(jpeg);
        var scale = 2160.0 / Math.Max(photo.Width, photo.Height);
        using var shrunk = photo.Resize(new SKSizeI((int)(photo.Width * scale), (int)(photo.Height * scale)), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        using var encoded = shrunk.Encode(SKEncodedImageFormat.Jpeg, 86);
        return encoded.ToArray();
    }

    /// <summary>A line of /proc/PID/status, in KB (VmRSS: resident now; VmHWM: the peak resident so far).</summary>
    private static long Memory(int pid, string field) =>
        File.ReadLines($"/proc/{pid}/status").Where(l => l.StartsWith(field + ":", StringComparison.Ordinal))
            .Select(l => long.Parse(l.Split(':')[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture)).FirstOrDefault();
}
