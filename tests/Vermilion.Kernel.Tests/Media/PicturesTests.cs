using System.Text;
using SkiaSharp;
using Vermilion.Kernel.Media;
using Vermilion.Testing;

namespace Vermilion.Kernel.Tests.Media;

public sealed class PicturesTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "vermilion-pictures-" + Guid.NewGuid().ToString("N"));
    private readonly LocalMediaStore store;
    private readonly Pictures pictures;

    public PicturesTests()
    {
        store = new LocalMediaStore(root);
        pictures = new Pictures(store);
    }

    public void Dispose()
    {
        pictures.Dispose();
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task Photo_IsReencodedAsWebPWithoutItsMetadata()
    {
        var (picture, rejection) = await pictures.AcceptAsync(TestImages.Jpeg(320, 240, withMetadata: true), ImageLimits.NoteImage, CancellationToken.None);

        Assert.Null(rejection);
        var stored = Read(picture!.Key);
        Assert.EndsWith(".webp", picture.Key, StringComparison.Ordinal);
        Assert.Equal(ImageFormat.WebP, ImageInspector.Detect(stored));
        Assert.DoesNotContain(TestImages.SecretText, Encoding.Latin1.GetString(stored), StringComparison.Ordinal);
        Assert.DoesNotContain("Exif", Encoding.Latin1.GetString(stored), StringComparison.Ordinal);
        Assert.Equal((320, 240), (picture.Width, picture.Height));
    }

    [Fact]
    public async Task PolyglotsTrailingPayload_IsDropped()
    {
        var polyglot = TestImages.WithTrailingPayload(TestImages.Jpeg(200, 150));

        var (picture, _) = await pictures.AcceptAsync(polyglot, ImageLimits.NoteImage, CancellationToken.None);

        Assert.DoesNotContain("<script>", Encoding.Latin1.GetString(Read(picture!.Key)), StringComparison.Ordinal);
        foreach (var rendition in Renditions.All)
        {
            Assert.DoesNotContain("<script>", Encoding.Latin1.GetString(Read(Renditions.KeyOf(picture.Key, rendition, "webp"))), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ExifOrientationSix_IsTurnedUpright()
    {
        var (picture, _) = await pictures.AcceptAsync(TestImages.Jpeg(400, 300, orientation: 6), ImageLimits.NoteImage, CancellationToken.None);

        using var upright = SKBitmap.Decode(Read(picture!.Key));
        Assert.Equal((300, 400), (picture.Width, picture.Height));
        Assert.Equal((300, 400), (upright.Width, upright.Height));
        Assert.True(IsRed(upright.GetPixel(150, 10)), "the red band is along the top");
        Assert.False(IsRed(upright.GetPixel(10, 200)), "and not down the left side");
    }

    [Fact]
    public async Task Renditions_AreStoredAtCardAndDetailWidthAndNeverUpscaled()
    {
        var (large, _) = await pictures.AcceptAsync(TestImages.Jpeg(2400, 1800), ImageLimits.NoteImage, CancellationToken.None);
        var (small, _) = await pictures.AcceptAsync(TestImages.Jpeg(300, 200), ImageLimits.NoteImage, CancellationToken.None);

        Assert.Equal((540, 405), Size(Renditions.KeyOf(large!.Key, Rendition.Card, "webp")));
        Assert.Equal((1080, 810), Size(Renditions.KeyOf(large.Key, Rendition.Detail, "webp")));
        Assert.Equal((300, 200), Size(Renditions.KeyOf(small!.Key, Rendition.Card, "webp")));
    }

    [Fact]
    public async Task DominantColor_IsThePicturesMainColour()
    {
        var (picture, _) = await pictures.AcceptAsync(TestImages.Jpeg(300, 300), ImageLimits.NoteImage, CancellationToken.None);

        var color = SKColor.Parse(picture!.Color);
        Assert.True(color.Blue > 150 && color.Red < 80, picture.Color);
    }

    [Fact]
    public async Task MissingRendition_IsMadeOnFirstRequestFromAnOlderOriginal()
    {
        // An upload from before renditions: stored as it came, as a JPEG.
        var key = await store.SaveAsync(TestImages.Jpeg(1600, 1200), "jpg", CancellationToken.None);
        var card = Renditions.KeyOf(key, Rendition.Card, "jpg");

        await using (var made = await pictures.OpenAsync(card, CancellationToken.None))
        {
            Assert.NotNull(made);
        }

        Assert.Equal((540, 405), Size(card));
        Assert.Equal(ImageFormat.Jpeg, ImageInspector.Detect(Read(card)));
        Assert.Null(await pictures.OpenAsync(Renditions.KeyOf(new string('a', 64) + ".jpg", Rendition.Card, "webp"), CancellationToken.None));
    }

    [Fact]
    public async Task DecompressionBomb_IsRefusedByItsHeaderBeforeDecoding()
    {
        // A 60000 × 60000 PNG (3.6 gigapixels) in a few hundred bytes: decoding it would need 14 GB.
        var bomb = TestImages.PngBomb(60000, 60000);

        var (picture, rejection) = await pictures.AcceptAsync(bomb, ImageLimits.NoteImage, CancellationToken.None);

        Assert.Null(picture);
        Assert.Equal(ImageRejection.Dimensions, rejection);
        Assert.False(Directory.Exists(root) && Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Any());
    }

    [Theory]
    [InlineData("GIF89a......")]
    [InlineData("<svg xmlns='http://www.w3.org/2000/svg'/>")]
    [InlineData("#!/bin/sh\nrm -rf /")]
    public void OtherContent_IsUnsupported(string content) =>
        Assert.Equal(ImageRejection.Unsupported, ImageInspector.Inspect(Encoding.ASCII.GetBytes(content), ImageLimits.Avatar).Rejection);

    [Fact]
    public async Task TruncatedPictures_AreRefused()
    {
        var png = TestImages.Png(40, 40);
        var jpeg = TestImages.Jpeg(400, 300);

        Assert.Equal(ImageRejection.Truncated, ImageInspector.Inspect(png[..20], ImageLimits.Avatar).Rejection);
        Assert.Equal(ImageRejection.Truncated, (await pictures.AcceptAsync(jpeg[..(jpeg.Length / 2)], ImageLimits.NoteImage, CancellationToken.None)).Rejection);
    }

    [Fact]
    public void TooManyBytes_IsRefusedBeforeParsing() =>
        Assert.Equal(ImageRejection.TooLarge, ImageInspector.Inspect(new byte[ImageLimits.Avatar.MaxBytes + 1], ImageLimits.Avatar).Rejection);

    [Fact]
    public async Task Store_KeysByContentAndRefusesPathTricks()
    {
        var bytes = TestImages.Png(8, 8);

        var first = await store.SaveAsync(bytes, "png", CancellationToken.None);
        var second = await store.SaveAsync(bytes, "png", CancellationToken.None);

        Assert.Equal(first, second);
        await using (var stream = store.OpenRead(first))
        {
            Assert.NotNull(stream);
        }

        Assert.Null(store.OpenRead("../../etc/passwd"));
        Assert.Null(store.OpenRead(first.Replace(".png", ".exe", StringComparison.Ordinal)));
        await Assert.ThrowsAsync<ArgumentException>(() => store.SaveAsAsync("../x-card.webp", bytes, CancellationToken.None));
    }

    [Fact]
    public void SrcSet_ListsEachRenditionWithItsRealWidth()
    {
        var url = "/media/" + new string('b', 64) + ".webp";

        Assert.Equal($"/media/{new string('b', 64)}-card.webp 540w, /media/{new string('b', 64)}-detail.webp 800w", Renditions.SrcSet(url, 800));
        Assert.Equal($"/media/{new string('b', 64)}-card.jpg 300w", Renditions.SrcSet(url, 300, "jpg"));
        Assert.Equal("", Renditions.SrcSet("/media/" + new string('b', 64) + ".svg", 900));
    }

    [Theory]
    [InlineData(".webp", true)]
    [InlineData(".jpg", true)]
    [InlineData(".png", true)]
    [InlineData(".gif", false)]
    [InlineData(".webp?x=1", false)]
    [InlineData("", false)]
    public void OnlyAStoredPictureOfOurs_HasRenditions(string extension, bool stored)
    {
        var hash = new string('c', 63) + "0";
        var url = "/media/" + hash + extension;

        Assert.Equal(stored, Renditions.HasRenditions(url));
        Assert.Equal(stored ? $"/media/{hash}-detail.jpg" : url, Renditions.Url(url, Rendition.Detail, "jpg"));
        Assert.False(Renditions.HasRenditions("/media/" + hash.ToUpperInvariant() + extension));
        Assert.False(Renditions.HasRenditions("/img/" + hash + extension));
        Assert.False(Renditions.HasRenditions("/media/" + hash[1..] + extension));
    }

    private byte[] Read(string key)
    {
        using var stream = store.OpenRead(key) ?? throw new FileNotFoundException(key);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private (int, int) Size(string key)
    {
        using var bitmap = SKBitmap.Decode(Read(key));
        return (bitmap.Width, bitmap.Height);
    }

    private static bool IsRed(SKColor c) => c.Red > 150 && c.Blue < 120;
}
