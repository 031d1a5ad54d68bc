using System.Buffers.Binary;

namespace Vermilion.Kernel.Media;

/// <summary>
/// WebM (Matroska) files: EBML elements of (id, size, payload). Reads the picture size from the video track
/// and the length from <c>Info/Duration</c> — or, for recordings written live without one, from the last
/// block's time. <c>Tags</c> and <c>Attachments</c> become <c>Void</c> elements of the same size.
/// </summary>
internal static class WebMFile
{
    private const uint EbmlHeader = 0x1A45DFA3;
    private const uint DocType = 0x4282;
    private const uint Segment = 0x18538067;
    private const uint Info = 0x1549A966;
    private const uint TimecodeScale = 0x2AD7B1;
    private const uint Duration = 0x4489;
    private const uint Tracks = 0x1654AE6B;
    private const uint TrackEntry = 0xAE;
    private const uint TrackType = 0x83;
    private const uint VideoSettings = 0xE0;
    private const uint PixelWidth = 0xB0;
    private const uint PixelHeight = 0xBA;
    private const uint Cluster = 0x1F43B675;
    private const uint ClusterTimecode = 0xE7;
    private const uint SimpleBlock = 0xA3;
    private const uint BlockGroup = 0xA0;
    private const uint Block = 0xA1;
    private const uint Tags = 0x1254C367;
    private const uint Attachments = 0x1941A469;
    private const uint Void = 0xEC;
    private const long UnknownSize = -1;

    /// <summary>Segment children: where a cluster of unknown size ends.</summary>
    private static readonly HashSet<uint> SegmentLevel = [0x114D9B74, Info, Tracks, Cluster, 0x1C53BB6B, 0x1043A770, Tags, Attachments];

    private sealed class Found
    {
        public ulong Scale = 1_000_000;
        public double? Duration;
        public long LastBlockTime;
        public int Width;
        public int Height;
        public bool SawVideo;
        public bool SawCluster;
    }

    public static ParsedVideo Read(Stream file)
    {
        var length = file.Length;
        if (Element(file, 0, length) is not { Id: EbmlHeader } header || header.End == UnknownSize)
        {
            return ParsedVideo.Unsupported;
        }

        if (!IsWebM(file, header))
        {
            return ParsedVideo.Unsupported;
        }

        if (Element(file, header.End, length) is not { Id: Segment } segment)
        {
            return ParsedVideo.Truncated;
        }

        var found = new Found();
        var end = segment.End == UnknownSize ? length : segment.End;
        var at = segment.PayloadAt;
        while (at < end)
        {
            if (Element(file, at, end) is not { } child)
            {
                return ParsedVideo.Truncated;
            }

            var childEnd = child.End;
            switch (child.Id)
            {
                case Info:
                    ReadInfo(file, child, found);
                    break;
                case Tracks:
                    ReadTracks(file, child, found);
                    break;
                case Cluster:
                    found.SawCluster = true;
                    if (ReadCluster(file, child, end, found) is not { } clusterEnd)
                    {
                        return ParsedVideo.Truncated;
                    }

                    childEnd = clusterEnd;
                    break;
                case Tags or Attachments:
                    Blank(file, child);
                    break;
            }

            if (childEnd == UnknownSize)
            {
                return ParsedVideo.Unsupported; // only clusters may leave their size open
            }

            at = childEnd;
        }

        if (!found.SawVideo || found.Width <= 0 || found.Height <= 0)
        {
            return ParsedVideo.NoPicture;
        }

        if (!found.SawCluster)
        {
            return ParsedVideo.Truncated;
        }

        var seconds = found.Duration is { } d and > 0
            ? d * found.Scale / 1e9
            : (double)found.LastBlockTime * found.Scale / 1e9;
        return new ParsedVideo(new CheckedVideo(VideoFormat.WebM, found.Width, found.Height, seconds), null);
    }

    private static bool IsWebM(Stream file, Node header)
    {
        foreach (var child in Children(file, header))
        {
            if (child.Id == DocType)
            {
                return ReadString(file, child) == "webm";
            }
        }

        return false;
    }

    private static void ReadInfo(Stream file, Node info, Found found)
    {
        foreach (var child in Children(file, info))
        {
            if (child.Id == TimecodeScale)
            {
                found.Scale = ReadUnsigned(file, child) is var scale and > 0 ? scale : found.Scale;
            }
            else if (child.Id == Duration)
            {
                found.Duration = ReadFloat(file, child);
            }
        }
    }

    private static void ReadTracks(Stream file, Node tracks, Found found)
    {
        foreach (var entry in Children(file, tracks).Where(e => e.Id == TrackEntry))
        {
            var isVideo = false;
            int width = 0, height = 0;
            foreach (var field in Children(file, entry))
            {
                if (field.Id == TrackType)
                {
                    isVideo = ReadUnsigned(file, field) == 1;
                }
                else if (field.Id == VideoSettings)
                {
                    foreach (var setting in Children(file, field))
                    {
                        if (setting.Id == PixelWidth)
                        {
                            width = (int)Math.Min(int.MaxValue, ReadUnsigned(file, setting));
                        }
                        else if (setting.Id == PixelHeight)
                        {
                            height = (int)Math.Min(int.MaxValue, ReadUnsigned(file, setting));
                        }
                    }
                }
            }

            if (isVideo && !found.SawVideo)
            {
                (found.SawVideo, found.Width, found.Height) = (true, width, height);
            }
        }
    }

    /// <summary>Reads a cluster's time and its blocks' times; returns where it ends (found by walking when its size is open), or null if cut.</summary>
    private static long? ReadCluster(Stream file, Node cluster, long segmentEnd, Found found)
    {
        var end = cluster.End == UnknownSize ? segmentEnd : cluster.End;
        long clusterTime = 0;
        var at = cluster.PayloadAt;
        while (at < end)
        {
            if (cluster.End == UnknownSize && PeekId(file, at, end) is { } next && SegmentLevel.Contains(next))
            {
                return at; // the next cluster (or cues, tags ...) begins: this open cluster ended here
            }

            if (Element(file, at, end) is not { } child || child.End == UnknownSize)
            {
                return null;
            }

            if (child.Id == ClusterTimecode)
            {
                clusterTime = (long)ReadUnsigned(file, child);
            }
            else if (child.Id == SimpleBlock)
            {
                NoteBlock(file, child, clusterTime, found);
            }
            else if (child.Id == BlockGroup)
            {
                foreach (var block in Children(file, child).Where(b => b.Id == Block))
                {
                    NoteBlock(file, block, clusterTime, found);
                }
            }

            at = child.End;
        }

        return end;
    }

    /// <summary>A block starts with its track number (a vint), then its time relative to the cluster (int16).</summary>
    private static void NoteBlock(Stream file, Node block, long clusterTime, Found found)
    {
        Span<byte> head = stackalloc byte[12];
        file.Position = block.PayloadAt;
        var read = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        var trackLength = VintLength(head[0]);
        if (trackLength == 0 || read < trackLength + 2)
        {
            return;
        }

        var relative = BinaryPrimitives.ReadInt16BigEndian(head[trackLength..]);
        found.LastBlockTime = Math.Max(found.LastBlockTime, clusterTime + relative);
    }

    private readonly record struct Node(uint Id, long Start, long PayloadAt, long End);

    private static IEnumerable<Node> Children(Stream file, Node parent)
    {
        var at = parent.PayloadAt;
        while (at < parent.End && Element(file, at, parent.End) is { } child && child.End != UnknownSize)
        {
            yield return child;
            at = child.End;
        }
    }

    private static uint? PeekId(Stream file, long at, long end)
    {
        Span<byte> head = stackalloc byte[4];
        file.Position = at;
        var read = file.ReadAtLeast(head, (int)Math.Min(4, end - at), throwOnEndOfStream: false);
        var idLength = VintLength(head[0]);
        if (idLength is 0 or > 4 || read < idLength)
        {
            return null;
        }

        uint id = 0;
        for (var i = 0; i < idLength; i++)
        {
            id = (id << 8) | head[i];
        }

        return id;
    }

    /// <summary>The element at <paramref name="at"/>; its end is <see cref="UnknownSize"/> when the file left it open. Null if it does not fit.</summary>
    private static Node? Element(Stream file, long at, long end)
    {
        if (PeekId(file, at, end) is not { } id)
        {
            return null;
        }

        var idLength = VintLength(ReadByteAt(file, at));
        Span<byte> size = stackalloc byte[8];
        file.Position = at + idLength;
        if (file.ReadAtLeast(size[..1], 1, throwOnEndOfStream: false) < 1)
        {
            return null;
        }

        var sizeLength = VintLength(size[0]);
        if (sizeLength == 0 || at + idLength + sizeLength > end || file.ReadAtLeast(size[1..sizeLength], sizeLength - 1, throwOnEndOfStream: false) < sizeLength - 1)
        {
            return null;
        }

        var value = (ulong)(size[0] & (0xFF >> sizeLength));
        var allOnes = value == (ulong)(0xFF >> sizeLength);
        for (var i = 1; i < sizeLength; i++)
        {
            value = (value << 8) | size[i];
            allOnes &= size[i] == 0xFF;
        }

        var payloadAt = at + idLength + sizeLength;
        if (allOnes)
        {
            return new Node(id, at, payloadAt, UnknownSize);
        }

        return value > (ulong)(end - payloadAt) ? null : new Node(id, at, payloadAt, payloadAt + (long)value);
    }

    private static byte ReadByteAt(Stream file, long at)
    {
        file.Position = at;
        return (byte)file.ReadByte();
    }

    /// <summary>The length of a variable-length integer from its first byte: the position of the first set bit.</summary>
    private static int VintLength(byte first) => first == 0 ? 0 : System.Numerics.BitOperations.LeadingZeroCount((uint)first) - 23;

    private static ulong ReadUnsigned(Stream file, Node node)
    {
        var length = (int)Math.Min(8, node.End - node.PayloadAt);
        Span<byte> bytes = stackalloc byte[8];
        file.Position = node.PayloadAt;
        file.ReadExactly(bytes[..length]);
        ulong value = 0;
        for (var i = 0; i < length; i++)
        {
            value = (value << 8) | bytes[i];
        }

        return value;
    }

    private static double? ReadFloat(Stream file, Node node)
    {
        Span<byte> bytes = stackalloc byte[8];
        file.Position = node.PayloadAt;
        return (node.End - node.PayloadAt) switch
        {
            4 => file.ReadAtLeast(bytes[..4], 4, false) == 4 ? BinaryPrimitives.ReadSingleBigEndian(bytes) : null,
            8 => file.ReadAtLeast(bytes, 8, false) == 8 ? BinaryPrimitives.ReadDoubleBigEndian(bytes) : null,
            _ => null,
        };
    }

    private static string ReadString(Stream file, Node node)
    {
        var length = (int)Math.Min(64, node.End - node.PayloadAt);
        var bytes = new byte[length];
        file.Position = node.PayloadAt;
        file.ReadExactly(bytes);
        return System.Text.Encoding.ASCII.GetString(bytes).TrimEnd('\0');
    }

    /// <summary>Rewrites the element as a Void element covering the same bytes, its payload zeroed.</summary>
    private static void Blank(Stream file, Node node)
    {
        var total = node.End - node.Start;
        Span<byte> header = stackalloc byte[9];
        int headerLength;
        header[0] = (byte)Void;
        if (total >= 9)
        {
            // An 8-byte size: 0x01 marker, then the payload length in the remaining seven bytes.
            var payload = (ulong)(total - 9);
            header[1] = 0x01;
            for (var i = 0; i < 7; i++)
            {
                header[8 - i] = (byte)(payload >> (8 * i));
            }

            headerLength = 9;
        }
        else
        {
            header[1] = (byte)(0x80 | (total - 2));
            headerLength = 2;
        }

        VideoInspector.Zero(file, node.Start, total);
        file.Position = node.Start;
        file.Write(header[..headerLength]);
    }
}
