using System.Buffers.Binary;
using System.Text;
using Vermilion.Kernel.Media;
using Vermilion.Testing;

namespace Vermilion.Kernel.Tests.Media;

public sealed class ImageInspectorTests
{
    [Fact]
    public void Png_IsAcceptedWithItsSizeAndWithoutTextChunks()
    {
        var (image, rejection) = ImageInspector.Inspect(TestImages.Png(120, 80, withMetadata: true), ImageLimits.Avatar);

        Assert.Null(rejection);
        Assert.Equal((ImageFormat.Png, 120, 80), (image!.Format, image.Width, image.Height));
        Assert.DoesNotContain(TestImages.SecretText, Encoding.ASCII.GetString(image.Bytes), StringComparison.Ordinal);
        Assert.Equal(TestImages.Png(120, 80), image.Bytes);
    }

    [Fact]
    public void Jpeg_LosesExifAndCommentsButKeepsItsPicture()
    {
        var jpeg = TestImages.JpegWithExif(640, 480);

        var (image, _) = ImageInspector.Inspect(jpeg, ImageLimits.Avatar);

        Assert.Equal((ImageFormat.Jpeg, 640, 480), (image!.Format, image.Width, image.Height));
        Assert.DoesNotContain(TestImages.SecretText, Encoding.ASCII.GetString(image.Bytes), StringComparison.Ordinal);
        Assert.Contains("JFIF", Encoding.ASCII.GetString(image.Bytes), StringComparison.Ordinal);
        Assert.Equal(jpeg[^8..], image.Bytes[^8..]);
    }

    [Fact]
    public void WebP_LosesExifAndItsFlag()
    {
        var webp = WebP(withExif: true);

        var (image, _) = ImageInspector.Inspect(webp, ImageLimits.Avatar);

        Assert.Equal((ImageFormat.WebP, 300, 200), (image!.Format, image.Width, image.Height));
        Assert.DoesNotContain(TestImages.SecretText, Encoding.ASCII.GetString(image.Bytes), StringComparison.Ordinal);
        Assert.Equal(0, image.Bytes[20] & 0x08);
        Assert.Equal(image.Bytes.Length - 8, (int)BinaryPrimitives.ReadUInt32LittleEndian(image.Bytes.AsSpan(4)));
    }

    [Theory]
    [InlineData("GIF89a......")]
    [InlineData("<svg xmlns='http://www.w3.org/2000/svg'/>")]
    [InlineData("#!/bin/sh\nrm -rf /")]
    public void OtherContent_IsUnsupported(string content)
    {
        var (image, rejection) = ImageInspector.Inspect(Encoding.ASCII.GetBytes(content), ImageLimits.Avatar);

        Assert.Null(image);
        Assert.Equal(ImageRejection.Unsupported, rejection);
    }

    [Fact]
    public void TruncatedFiles_AreRefused()
    {
        var png = TestImages.Png(40, 40);
        var jpeg = TestImages.JpegWithExif(40, 40);

        Assert.Equal(ImageRejection.Truncated, ImageInspector.Inspect(png[..^13], ImageLimits.Avatar).Rejection);
        Assert.Equal(ImageRejection.Truncated, ImageInspector.Inspect(jpeg[..^2], ImageLimits.Avatar).Rejection);
        Assert.Equal(ImageRejection.Truncated, ImageInspector.Inspect(WebP(false)[..^4], ImageLimits.Avatar).Rejection);
    }

    [Fact]
    public void DecompressionBomb_IsRefusedByItsHeader()
    {
        var png = TestImages.Png(10, 10);
        BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(16), 60000);
        BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(20), 60000);

        Assert.Equal(ImageRejection.Dimensions, ImageInspector.Inspect(png, ImageLimits.Avatar).Rejection);
    }

    [Fact]
    public void TooManyBytes_IsRefusedBeforeParsing() =>
        Assert.Equal(ImageRejection.TooLarge, ImageInspector.Inspect(new byte[ImageLimits.Avatar.MaxBytes + 1], ImageLimits.Avatar).Rejection);

    [Fact]
    public async Task Store_KeysByContentAndRefusesPathTricks()
    {
        var root = Path.Combine(Path.GetTempPath(), "vermilion-media-" + Guid.NewGuid().ToString("N"));
        var store = new LocalMediaStore(root);
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
        Directory.Delete(root, recursive: true);
    }

    /// <summary>An extended WebP: VP8X header (300×200), a lossless bitstream header and, optionally, EXIF.</summary>
    private static byte[] WebP(bool withExif)
    {
        using var body = new MemoryStream();
        var vp8x = new byte[10];
        vp8x[0] = (byte)(withExif ? 0x08 : 0);
        WriteUInt24(vp8x.AsSpan(4), 299);
        WriteUInt24(vp8x.AsSpan(7), 199);
        Chunk(body, "VP8X", vp8x);
        var vp8l = new byte[] { 0x2F, 0, 0, 0, 0, 0 };
        BinaryPrimitives.WriteUInt32LittleEndian(vp8l.AsSpan(1), 299u | (199u << 14));
        Chunk(body, "VP8L", vp8l);
        if (withExif)
        {
            Chunk(body, "EXIF", Encoding.ASCII.GetBytes(TestImages.SecretText));
        }

        var bytes = new byte[12 + body.Length];
        "RIFF"u8.CopyTo(bytes);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), (uint)(4 + body.Length));
        "WEBP"u8.CopyTo(bytes.AsSpan(8));
        body.ToArray().CopyTo(bytes, 12);
        return bytes;
    }

    private static void Chunk(Stream output, string fourCc, byte[] payload)
    {
        output.Write(Encoding.ASCII.GetBytes(fourCc));
        Span<byte> size = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(size, (uint)payload.Length);
        output.Write(size);
        output.Write(payload);
        if (payload.Length % 2 == 1)
        {
            output.WriteByte(0);
        }
    }

    private static void WriteUInt24(Span<byte> target, int value)
    {
        target[0] = (byte)value;
        target[1] = (byte)(value >> 8);
        target[2] = (byte)(value >> 16);
    }
}
