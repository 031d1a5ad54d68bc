using System.Buffers.Binary;
using System.Buffers.Text;

namespace Vermilion.Discovery.Search.Results;

/// <summary>
/// Where the next page of results starts: an offset into the ranked list (general sort) or a (key, id) keyset
/// position (sorted lists), and whether the query was relaxed to match any of its words.
/// </summary>
internal readonly record struct SearchCursor(bool Relaxed, long Key, long Id)
{
    public string Encode()
    {
        Span<byte> bytes = stackalloc byte[17];
        bytes[0] = Relaxed ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteInt64BigEndian(bytes[1..], Key);
        BinaryPrimitives.WriteInt64BigEndian(bytes[9..], Id);
        return Base64Url.EncodeToString(bytes);
    }

    public static bool TryDecode(string text, out SearchCursor cursor)
    {
        cursor = default;
        if (text.Length > 32 || !Base64Url.IsValid(text))
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[24];
        if (!Base64Url.TryDecodeFromChars(text, bytes, out var written) || written != 17 || bytes[0] > 1)
        {
            return false;
        }

        cursor = new SearchCursor(bytes[0] == 1, BinaryPrimitives.ReadInt64BigEndian(bytes[1..]), BinaryPrimitives.ReadInt64BigEndian(bytes[9..]));
        return cursor.Key >= 0;
    }
}
