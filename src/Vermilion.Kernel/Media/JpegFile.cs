namespace Vermilion.Kernel.Media;

/// <summary>
/// Walks JPEG segments up to the scan: drops EXIF/XMP (APP1), Photoshop/IPTC (APP13) and comments, keeps JFIF,
/// ICC colour profiles and Adobe markers, and copies the compressed scan as it is.
/// </summary>
internal static class JpegFile
{
    public static ParsedImage Read(ReadOnlySpan<byte> data)
    {
        using var output = new MemoryStream(data.Length);
        output.Write([0xFF, 0xD8]);
        var at = 2;
        int width = 0, height = 0;
        while (true)
        {
            if (at + 4 > data.Length)
            {
                return ParsedImage.Truncated;
            }

            if (data[at] != 0xFF)
            {
                return ParsedImage.Unsupported;
            }

            var marker = data[at + 1];
            if (marker == 0xFF)
            {
                at++; // fill byte
                continue;
            }

            var length = ImageInspector.U16(data, at + 2);
            if (length < 2 || at + 2 + length > data.Length)
            {
                return ParsedImage.Truncated;
            }

            var segment = data.Slice(at, 2 + length);
            if (IsFrameHeader(marker) && length >= 7)
            {
                height = ImageInspector.U16(data, at + 5);
                width = ImageInspector.U16(data, at + 7);
            }

            if (marker == 0xDA)
            {
                // Start of scan: the rest is entropy-coded data up to the end-of-image marker.
                var rest = data[at..];
                if (rest.Length < 4 || rest[^2] != 0xFF || rest[^1] != 0xD9)
                {
                    return ParsedImage.Truncated;
                }

                output.Write(rest);
                break;
            }

            if (!IsMetadata(marker, segment))
            {
                output.Write(segment);
            }

            at += segment.Length;
        }

        return width > 0 && height > 0
            ? new ParsedImage(new CheckedImage(ImageFormat.Jpeg, width, height, output.ToArray()), null)
            : ParsedImage.Unsupported;
    }

    private static bool IsFrameHeader(byte marker) =>
        marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC;

    private static bool IsMetadata(byte marker, ReadOnlySpan<byte> segment) => marker switch
    {
        0xE1 or 0xED or 0xFE => true, // EXIF / XMP, IPTC, comment
        >= 0xE3 and <= 0xEC => true, // vendor APP segments (maker notes, previews)
        0xEF => true,
        0xE2 => !segment[4..].StartsWith("ICC_PROFILE"u8),
        _ => false,
    };
}
