using System.Buffers.Binary;

namespace Vermilion.Kernel.Media;

/// <summary>Walks WebP's RIFF chunks, drops EXIF and XMP and clears their flags in the extended header.</summary>
internal static class WebPFile
{
    public static ParsedImage Read(ReadOnlySpan<byte> data)
    {
        var riffSize = BinaryPrimitives.ReadUInt32LittleEndian(data[4..]);
        if (riffSize + 8L > data.Length || riffSize < 4)
        {
            return ParsedImage.Truncated;
        }

        var body = new List<byte[]>();
        var at = 12;
        var end = (int)(riffSize + 8);
        int width = 0, height = 0;
        while (at < end)
        {
            if (at + 8 > end)
            {
                return ParsedImage.Truncated;
            }

            var fourCc = System.Text.Encoding.ASCII.GetString(data.Slice(at, 4));
            var size = BinaryPrimitives.ReadUInt32LittleEndian(data[(at + 4)..]);
            var padded = size + (size & 1);
            if (at + 8 + padded > end)
            {
                return ParsedImage.Truncated;
            }

            var chunk = data.Slice(at, 8 + (int)padded).ToArray();
            var payload = chunk.AsSpan(8, (int)size);
            switch (fourCc)
            {
                case "VP8X" when size >= 10:
                    payload[0] &= unchecked((byte)~0x0C); // clear the EXIF and XMP flags
                    width = 1 + (payload[4] | (payload[5] << 8) | (payload[6] << 16));
                    height = 1 + (payload[7] | (payload[8] << 8) | (payload[9] << 16));
                    break;
                case "VP8 " when size >= 10 && width == 0:
                    width = BinaryPrimitives.ReadUInt16LittleEndian(payload[6..]) & 0x3FFF;
                    height = BinaryPrimitives.ReadUInt16LittleEndian(payload[8..]) & 0x3FFF;
                    break;
                case "VP8L" when size >= 5 && width == 0:
                    var bits = BinaryPrimitives.ReadUInt32LittleEndian(payload[1..]);
                    width = (int)(bits & 0x3FFF) + 1;
                    height = (int)((bits >> 14) & 0x3FFF) + 1;
                    break;
            }

            if (fourCc is not ("EXIF" or "XMP "))
            {
                body.Add(chunk);
            }

            at += chunk.Length;
        }

        if (width == 0 || height == 0)
        {
            return ParsedImage.Unsupported;
        }

        var total = 4 + body.Sum(c => c.Length);
        var bytes = new byte[8 + total];
        "RIFF"u8.CopyTo(bytes);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), (uint)total);
        "WEBP"u8.CopyTo(bytes.AsSpan(8));
        var offset = 12;
        foreach (var chunk in body)
        {
            chunk.CopyTo(bytes, offset);
            offset += chunk.Length;
        }

        return new ParsedImage(new CheckedImage(ImageFormat.WebP, width, height, bytes), null);
    }
}
