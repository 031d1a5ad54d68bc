using System.Buffers.Binary;
using System.Text;

namespace Vermilion.Testing;

/// <summary>
/// Small MP4 and WebM files built box by box (element by element): just the container structure the inspector
/// reads, with a GPS location and a device name in the metadata that must not survive.
/// </summary>
public static class TestVideos
{
    public const string SecretText = "+31.2304+121.4737/ SecretPhone";

    public static byte[] Mp4(int width, int height, double seconds, bool withMetadata = true, bool videoTrack = true, bool largeMdat = false)
    {
        const uint timescale = 1000;
        var mvhd = Box("mvhd", [.. new byte[12], .. U32(timescale), .. U32((uint)(seconds * timescale)), .. new byte[80]]);
        var tkhd = Box("tkhd", [.. new byte[76], .. U32((uint)width << 16), .. U32((uint)height << 16)]);
        var hdlr = Box("hdlr", [.. new byte[8], .. Encoding.ASCII.GetBytes(videoTrack ? "vide" : "soun"), .. new byte[12], 0]);
        var trak = Box("trak", [.. tkhd, .. Box("mdia", hdlr)]);
        var udta = Box("udta", Box("\u00a9xyz", Encoding.ASCII.GetBytes(SecretText)));
        var moov = Box("moov", [.. mvhd, .. trak, .. (withMetadata ? udta : [])]);
        var media = Enumerable.Repeat((byte)0x42, 4000).ToArray();
        var mdat = largeMdat ? LargeBox("mdat", media) : Box("mdat", media);
        return [.. Box("ftyp", [.. "isom"u8, .. U32(512), .. "isomiso2avc1mp41"u8]), .. moov, .. mdat];
    }

    /// <summary>A WebM file; <paramref name="live"/> leaves the segment and cluster sizes open and the duration out, as browsers record.</summary>
    public static byte[] WebM(int width, int height, double seconds, bool withMetadata = true, bool live = false, string docType = "webm")
    {
        var header = Element(0x1A45DFA3, [.. Element(0x4286, [1]), .. Element(0x4282, Encoding.ASCII.GetBytes(docType))]);
        var info = Element(0x1549A966, [.. Element(0x2AD7B1, U32(1_000_000)), .. (live ? [] : Element(0x4489, F64(seconds * 1000)))]);
        var video = Element(0xE0, [.. Element(0xB0, U16((ushort)width)), .. Element(0xBA, U16((ushort)height))]);
        var tracks = Element(0x1654AE6B, Element(0xAE, [.. Element(0xD7, [1]), .. Element(0x83, [1]), .. video]));
        var tags = Element(0x1254C367, Element(0x7373, Element(0x67C8, [.. Element(0x45A3, "LOCATION"u8.ToArray()), .. Element(0x4487, Encoding.ASCII.GetBytes(SecretText))])));
        var clusters = new List<byte>();
        var millis = (int)(seconds * 1000);
        for (var start = 0; start < millis; start += 1000)
        {
            var blocks = new List<byte>();
            for (var t = 0; t < Math.Min(1000, millis - start); t += 500)
            {
                blocks.AddRange(Element(0xA3, [0x81, .. U16((ushort)t), 0x80, .. new byte[40]]));
            }

            // The last block ends the video; put it exactly at the length.
            var payload = new List<byte>([.. Element(0xE7, U32((uint)start)), .. blocks]);
            clusters.AddRange(live ? OpenElement(0x1F43B675, [.. payload]) : Element(0x1F43B675, [.. payload]));
        }

        var last = Element(0x1F43B675, [.. Element(0xE7, U32((uint)millis)), .. Element(0xA3, [0x81, 0, 0, 0x80, .. new byte[8]])]);
        byte[] body = [.. info, .. tracks, .. (withMetadata ? tags : []), .. clusters, .. last];
        return [.. header, .. (live ? OpenElement(0x18538067, body) : Element(0x18538067, body))];
    }

    private static byte[] Box(string type, byte[] payload) => [.. U32((uint)(payload.Length + 8)), .. Encoding.Latin1.GetBytes(type), .. payload];

    private static byte[] LargeBox(string type, byte[] payload) =>
        [.. U32(1), .. Encoding.Latin1.GetBytes(type), .. U64((ulong)payload.Length + 16), .. payload];

    private static byte[] Element(uint id, byte[] payload)
    {
        // Eight-byte sizes everywhere: valid EBML, and it keeps the builder simple.
        var size = new byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(size, checked((ulong)(uint)payload.Length) | 0x0100_0000_0000_0000UL);
        return [.. Id(id), .. size, .. payload];
    }

    private static byte[] OpenElement(uint id, byte[] payload) => [.. Id(id), 0x01, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, .. payload];

    private static byte[] Id(uint id) => id > 0xFFFFFF ? U32(id) : id > 0xFFFF ? [(byte)(id >> 16), (byte)(id >> 8), (byte)id] : id > 0xFF ? U16((ushort)id) : [(byte)id];

    private static byte[] U16(ushort value) => [(byte)(value >> 8), (byte)value];

    private static byte[] U32(uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        return bytes;
    }

    private static byte[] U64(ulong value)
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, value);
        return bytes;
    }

    private static byte[] F64(double value)
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteDoubleBigEndian(bytes, value);
        return bytes;
    }
}
