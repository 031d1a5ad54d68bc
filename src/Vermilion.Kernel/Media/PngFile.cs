using System.Buffers.Binary;

namespace Vermilion.Kernel.Media;

/// <summary>Walks PNG chunks, keeps what renders the picture and drops text, time and EXIF chunks.</summary>
internal static class PngFile
{
    public static ReadOnlySpan<byte> Signature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static readonly HashSet<string> Dropped = ["tEXt", "zTXt", "iTXt", "eXIf", "tIME"];

    public static ParsedImage Read(ReadOnlySpan<byte> data)
    {
        using var output = new MemoryStream(data.Length);
        output.Write(Signature);
        var at = Signature.Length;
        int width = 0, height = 0;
        var sawData = false;
        while (true)
        {
            if (at + 12 > data.Length)
            {
                return ParsedImage.Truncated;
            }

            var length = BinaryPrimitives.ReadUInt32BigEndian(data[at..]);
            if (length > int.MaxValue || at + 12 + (long)length > data.Length)
            {
                return ParsedImage.Truncated;
            }

            var type = System.Text.Encoding.ASCII.GetString(data.Slice(at + 4, 4));
            var whole = data.Slice(at, 12 + (int)length);
            if (at == Signature.Length)
            {
                if (type != "IHDR" || length < 13)
                {
                    return ParsedImage.Unsupported;
                }

                width = (int)Math.Min(int.MaxValue, BinaryPrimitives.ReadUInt32BigEndian(data[(at + 8)..]));
                height = (int)Math.Min(int.MaxValue, BinaryPrimitives.ReadUInt32BigEndian(data[(at + 12)..]));
            }

            sawData |= type == "IDAT";
            if (!Dropped.Contains(type))
            {
                output.Write(whole);
            }

            at += whole.Length;
            if (type == "IEND")
            {
                break;
            }
        }

        return sawData
            ? new ParsedImage(new CheckedImage(ImageFormat.Png, width, height, output.ToArray()), null)
            : ParsedImage.Truncated;
    }
}
