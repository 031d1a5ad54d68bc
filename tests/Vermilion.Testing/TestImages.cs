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

    /// <summary>A JPEG's structure with an EXIF segment (not a decodable picture: enough for the byte-level checks).</summary>
    public static byte[] JpegWithExif(int width, int height)
    {
        using var output = new MemoryStream();
        output.Write([0xFF, 0xD8]);
        Segment(output, 0xE0, [.. "JFIF\0"u8, 1, 1, 0, 0, 1, 0, 1, 0, 0]);
        Segment(output, 0xE1, [.. "Exif\0\0"u8, .. Encoding.ASCII.GetBytes(SecretText)]);
        Segment(output, 0xFE, Encoding.ASCII.GetBytes(SecretText));
        var frame = new byte[] { 8, 0, 0, 0, 0, 1, 1, 0x11, 0 };
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(1), (ushort)height);
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(3), (ushort)width);
        Segment(output, 0xC0, frame);
        Segment(output, 0xDA, [1, 1, 0, 0, 63, 0]);
        output.Write([0x12, 0x34, 0x56, 0xFF, 0x00, 0x78]);
        output.Write([0xFF, 0xD9]);
        return output.ToArray();
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
