using System.Buffers.Binary;
using System.Text;

namespace Vermilion.Kernel.Media;

/// <summary>
/// ISO base media files (MP4): boxes of (size, type, payload). Reads the length from <c>moov/mvhd</c> (or
/// <c>mvex/mehd</c> for fragmented files) and the picture size from the video track's <c>tkhd</c>; turns
/// metadata boxes (<c>udta</c>, <c>meta</c>, XMP <c>uuid</c>) into <c>free</c> boxes of the same size.
/// </summary>
internal static class Mp4File
{
    private static readonly HashSet<string> Containers = ["moov", "trak", "mdia", "minf", "stbl", "edts", "mvex", "dinf"];
    private static readonly HashSet<string> Metadata = ["udta", "meta", "uuid", "XMP_"];

    private sealed class Found
    {
        public ulong Timescale;
        public ulong Duration;
        public ulong FragmentDuration;
        public bool SawMoov;
        public bool SawMedia;
        public List<(int Width, int Height, bool Video)> Tracks { get; } = [];
    }

    public static ParsedVideo Read(Stream file)
    {
        var found = new Found();
        var first = true;
        long at = 0;
        while (at < file.Length)
        {
            if (Header(file, at, file.Length) is not { } box)
            {
                return ParsedVideo.Truncated;
            }

            if (first && box.Type != "ftyp")
            {
                return ParsedVideo.Unsupported;
            }

            first = false;
            switch (box.Type)
            {
                case "moov":
                    found.SawMoov = true;
                    if (!Walk(file, box.PayloadAt, box.End, found, trackIndex: -1))
                    {
                        return ParsedVideo.Truncated;
                    }

                    break;
                case "mdat" or "moof":
                    found.SawMedia = true;
                    break;
                default:
                    if (Metadata.Contains(box.Type))
                    {
                        Blank(file, box);
                    }

                    break;
            }

            at = box.End;
        }

        if (!found.SawMoov || !found.SawMedia)
        {
            return ParsedVideo.Truncated;
        }

        var video = found.Tracks.FirstOrDefault(t => t.Video && t.Width > 0 && t.Height > 0);
        if (!found.Tracks.Any(t => t.Video) || video == default)
        {
            return ParsedVideo.NoPicture;
        }

        var duration = found.Duration > 0 ? found.Duration : found.FragmentDuration;
        if (found.Timescale == 0 || duration == 0 || duration == ulong.MaxValue || duration == uint.MaxValue)
        {
            return ParsedVideo.Unsupported; // a length that cannot be known from the container
        }

        return new ParsedVideo(new CheckedVideo(VideoFormat.Mp4, video.Width, video.Height, (double)duration / found.Timescale), null);
    }

    /// <summary>Walks the children of a container box; false when a child runs past its parent (a cut file).</summary>
    private static bool Walk(Stream file, long at, long end, Found found, int trackIndex)
    {
        while (at < end)
        {
            if (Header(file, at, end) is not { } box)
            {
                return false;
            }

            if (Metadata.Contains(box.Type))
            {
                Blank(file, box);
            }
            else if (box.Type == "trak")
            {
                found.Tracks.Add((0, 0, false));
                if (!Walk(file, box.PayloadAt, box.End, found, found.Tracks.Count - 1))
                {
                    return false;
                }
            }
            else if (Containers.Contains(box.Type))
            {
                if (!Walk(file, box.PayloadAt, box.End, found, trackIndex))
                {
                    return false;
                }
            }
            else
            {
                ReadLeaf(file, box, found, trackIndex);
            }

            at = box.End;
        }

        return true;
    }

    private static void ReadLeaf(Stream file, Box box, Found found, int trackIndex)
    {
        Span<byte> payload = stackalloc byte[96];
        var length = (int)Math.Min(payload.Length, box.End - box.PayloadAt);
        file.Position = box.PayloadAt;
        payload = payload[..file.ReadAtLeast(payload[..length], length, throwOnEndOfStream: false)];
        if (payload.Length < 4)
        {
            return;
        }

        var version = payload[0];
        switch (box.Type)
        {
            case "mvhd" when version == 1 && payload.Length >= 32:
                found.Timescale = BinaryPrimitives.ReadUInt32BigEndian(payload[20..]);
                found.Duration = BinaryPrimitives.ReadUInt64BigEndian(payload[24..]);
                break;
            case "mvhd" when payload.Length >= 20:
                found.Timescale = BinaryPrimitives.ReadUInt32BigEndian(payload[12..]);
                found.Duration = BinaryPrimitives.ReadUInt32BigEndian(payload[16..]);
                break;
            case "mehd":
                found.FragmentDuration = version == 1 && payload.Length >= 12
                    ? BinaryPrimitives.ReadUInt64BigEndian(payload[4..])
                    : payload.Length >= 8 ? BinaryPrimitives.ReadUInt32BigEndian(payload[4..]) : 0;
                break;
            case "tkhd" when trackIndex >= 0:
                // Width and height close the box as 16.16 fixed-point numbers, after a version-dependent header.
                var sizeAt = version == 1 ? 88 : 76;
                if (payload.Length >= sizeAt + 8)
                {
                    var width = (int)(BinaryPrimitives.ReadUInt32BigEndian(payload[sizeAt..]) >> 16);
                    var height = (int)(BinaryPrimitives.ReadUInt32BigEndian(payload[(sizeAt + 4)..]) >> 16);
                    found.Tracks[trackIndex] = (width, height, found.Tracks[trackIndex].Video);
                }

                break;
            case "hdlr" when trackIndex >= 0 && payload.Length >= 12:
                if (payload[8..12].SequenceEqual("vide"u8))
                {
                    found.Tracks[trackIndex] = found.Tracks[trackIndex] with { Video = true };
                }

                break;
        }
    }

    private readonly record struct Box(string Type, long Start, long PayloadAt, long End);

    /// <summary>The box at <paramref name="at"/>, or null when its header or body does not fit before <paramref name="end"/>.</summary>
    private static Box? Header(Stream file, long at, long end)
    {
        if (at + 8 > end)
        {
            return null;
        }

        Span<byte> header = stackalloc byte[16];
        file.Position = at;
        var read = file.ReadAtLeast(header, 16, throwOnEndOfStream: false);
        if (read < 8)
        {
            return null;
        }

        ulong size = BinaryPrimitives.ReadUInt32BigEndian(header);
        var type = Encoding.ASCII.GetString(header[4..8]);
        var payloadAt = at + 8;
        if (size == 1)
        {
            if (read < 16)
            {
                return null;
            }

            size = BinaryPrimitives.ReadUInt64BigEndian(header[8..]);
            payloadAt = at + 16;
        }
        else if (size == 0)
        {
            size = (ulong)(end - at); // "to the end of the file"
        }

        if (size < (ulong)(payloadAt - at) || size > (ulong)(end - at))
        {
            return null;
        }

        return new Box(type, at, payloadAt, at + (long)size);
    }

    /// <summary>
    /// Renames the box to <c>free</c> and zeroes its payload (a 64-bit size, if any, stays): players skip it, and
    /// the media offsets elsewhere in the file stay valid because nothing moves.
    /// </summary>
    private static void Blank(Stream file, Box box)
    {
        var typeAt = box.Start + 4;
        file.Position = typeAt;
        file.Write("free"u8);
        VideoInspector.Zero(file, box.PayloadAt, box.End - box.PayloadAt);
    }
}
