using Vermilion.Kernel.Media;

namespace Vermilion.Kernel.Tests.Media;

public sealed class PngEncoderTests
{
    [Fact]
    public void EncodedPictures_AreAcceptedByTheInspectorWithTheirSize()
    {
        var rgb = new byte[37 * 21 * 3];
        for (var i = 0; i < rgb.Length; i++)
        {
            rgb[i] = (byte)(i * 7);
        }

        var png = PngEncoder.Encode(37, 21, rgb);
        var (image, rejection) = ImageInspector.Inspect(png, ImageLimits.NoteImage);

        Assert.Null(rejection);
        Assert.Equal((ImageFormat.Png, 37, 21), (image!.Format, image.Width, image.Height));
    }

    [Fact]
    public void EncodedPictures_DecodeBackToTheSamePixels()
    {
        var rgb = new byte[5 * 4 * 3];
        new Random(5).NextBytes(rgb);

        var png = PngEncoder.Encode(5, 4, rgb);

        Assert.Equal(rgb, Decode(png, 5, 4));
    }

    /// <summary>Undoes the zlib stream and the "Sub" filter, as a decoder would.</summary>
    private static byte[] Decode(byte[] png, int width, int height)
    {
        // Signature (8), IHDR chunk (25), then the IDAT chunk's length and type (8) before its data at 41.
        var length = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(33));
        using var zlib = new System.IO.Compression.ZLibStream(new MemoryStream(png, 41, length), System.IO.Compression.CompressionMode.Decompress);
        using var raw = new MemoryStream();
        zlib.CopyTo(raw);
        var bytes = raw.ToArray();
        var stride = width * 3;
        var pixels = new byte[height * stride];
        for (var y = 0; y < height; y++)
        {
            Assert.Equal(1, bytes[y * (stride + 1)]);
            for (var i = 0; i < stride; i++)
            {
                var left = i >= 3 ? pixels[(y * stride) + i - 3] : 0;
                pixels[(y * stride) + i] = (byte)(bytes[(y * (stride + 1)) + 1 + i] + left);
            }
        }

        return pixels;
    }
}
