using System.Buffers.Binary;
using System.Buffers.Text;

namespace Vermilion.Discovery.Feed;

/// <summary>
/// The feed's cursor: which session a page belongs to and which page comes next. A personalized feed has no
/// stable order to keyset on, so the session remembers what it served; an unreadable cursor starts a new session.
/// </summary>
internal readonly record struct FeedCursor(long Session, int Page)
{
    private const byte Version = 1;

    public string Encode()
    {
        Span<byte> bytes = stackalloc byte[11];
        bytes[0] = Version;
        BinaryPrimitives.WriteInt64BigEndian(bytes[1..], Session);
        BinaryPrimitives.WriteUInt16BigEndian(bytes[9..], (ushort)Math.Clamp(Page, 0, ushort.MaxValue));
        return Base64Url.EncodeToString(bytes);
    }

    public static bool TryDecode(string? text, out FeedCursor cursor)
    {
        cursor = default;
        if (string.IsNullOrEmpty(text) || text.Length > 20 || !Base64Url.IsValid(text))
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[16];
        if (!Base64Url.TryDecodeFromChars(text, bytes, out var written) || written != 11 || bytes[0] != Version)
        {
            return false;
        }

        cursor = new FeedCursor(BinaryPrimitives.ReadInt64BigEndian(bytes[1..]), BinaryPrimitives.ReadUInt16BigEndian(bytes[9..]));
        return cursor.Page > 0;
    }
}
