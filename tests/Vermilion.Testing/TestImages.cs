using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Vermilion.Testing;

/// <summary>Real, decodable images made in memory, with metadata where a test needs some to be stripped.</summary>
public static class TestImages
{
    public const string SecretText = "GPS 31.2304N 121.4737E secret";

    /// <summary>A solid-colour RGB PNG, optionally carrying a text chunk with <see cref="SecretText"/>.</summary>
    public static byte[] Png(int width, int height, byte red = 255, byte green = 36, byte blue = 66, bool withMetadata = false)
    {
        using var output = new MemoryStream();
        output.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 2; // truecolour
        Chunk(output, "IHDR", header);
        if (withMetadata)
        {
            Chunk(output, "tEXt", Encoding.ASCII.GetBytes("Comment\0" + SecretText));
        }

        using var raw = new MemoryStream();
        using (var zlib = new ZLibStream(raw, CompressionLevel.Fastest, leaveOpen: true))
        {
            var row = new byte[1 + (width * 3)];
            for (var x = 0; x < width; x++)
            {
                row[1 + (x * 3)] = red;
                row[2 + (x * 3)] = green;
                row[3 + (x * 3)] = blue;
            }

            for (var y = 0; y < height; y++)
            {
                zlib.Write(row);
            }
        }

        Chunk(output, "IDAT", raw.ToArray());
        Chunk(output, "IEND", []);
        return output.ToArray();
    }

    /// <summary>
    /// A real JPEG photo of <paramref name="width"/> × <paramref name="height"/> stored pixels, carrying an EXIF
    /// segment with its <paramref name="orientation"/> (1–8) and, if asked, <see cref="SecretText"/> in the EXIF and
    /// a comment. Its upright picture has a red band along its top and is blue elsewhere: for orientation 6 (turn
    /// right to stand up) the band is stored along the left edge.
    /// </summary>
    public static byte[] Jpeg(int width, int height, int orientation = 1, bool withMetadata = false)
    {
        using var bitmap = new SkiaSharp.SKBitmap(width, height);
        using (var canvas = new SkiaSharp.SKCanvas(bitmap))
        using (var paint = new SkiaSharp.SKPaint { Color = new SkiaSharp.SKColor(220, 20, 40) })
        {
            canvas.Clear(new SkiaSharp.SKColor(30, 60, 200));
            var band = orientation == 6 ? new SkiaSharp.SKRect(0, 0, width / 5f, height) : new SkiaSharp.SKRect(0, 0, width, height / 5f);
            canvas.DrawRect(band, paint);
        }

        using var encoded = bitmap.Encode(SkiaSharp.SKEncodedImageFormat.Jpeg, 90);
        var plain = encoded.ToArray();
        using var output = new MemoryStream();
        output.Write(plain.AsSpan(0, 2)); // start of image
        Segment(output, 0xE1, Exif(orientation, withMetadata ? SecretText : ""));
        if (withMetadata)
        {
            Segment(output, 0xFE, Encoding.ASCII.GetBytes(SecretText));
        }

        output.Write(plain.AsSpan(2));
        return output.ToArray();
    }

    /// <summary>A decompression bomb: a well-formed PNG header declaring <paramref name="width"/> × <paramref name="height"/>, with a few bytes of data.</summary>
    public static byte[] PngBomb(int width, int height)
    {
        var small = Png(10, 10);
        using var output = new MemoryStream();
        output.Write(small.AsSpan(0, 8));
        var header = small.AsSpan(16, 13).ToArray();
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        Chunk(output, "IHDR", header);
        output.Write(small.AsSpan(8 + 25)); // the small picture's data and end, as they are
        return output.ToArray();
    }

    /// <summary>A picture with something else riding after its end: a polyglot, here an HTML page with a script.</summary>
    public static byte[] WithTrailingPayload(byte[] picture) => [.. picture, .. Encoding.ASCII.GetBytes(TrailingPayload)];

    public const string TrailingPayload = "<html><script>alert('polyglot')</script></html>";

    /// <summary>An EXIF block (big-endian TIFF) with one tag, Orientation, and free text after its directory.</summary>
    private static byte[] Exif(int orientation, string text)
    {
        using var exif = new MemoryStream();
        exif.Write("Exif\0\0"u8);
        exif.Write([0x4D, 0x4D, 0x00, 0x2A, 0x00, 0x00, 0x00, 0x08]); // "MM", 42, first directory at 8
        exif.Write([0x00, 0x01]); // one entry
        exif.Write([0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, 0x00, (byte)orientation, 0x00, 0x00]); // Orientation, SHORT, 1
        exif.Write([0x00, 0x00, 0x00, 0x00]); // no next directory
        exif.Write(Encoding.ASCII.GetBytes(text));
        return exif.ToArray();
    }

    private static void Segment(Stream output, byte marker, byte[] payload)
    {
        output.Write([0xFF, marker]);
        Span<byte> length = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(length, (ushort)(payload.Length + 2));
        output.Write(length);
        output.Write(payload);
    }

    private static void Chunk(Stream output, string type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        output.Write(number);
        var typeAndData = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        output.Write(typeAndData);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc32(typeAndData));
        output.Write(number);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
