using System.Buffers.Binary;
using System.Buffers.Text;

namespace Vermilion.Kernel.Paging;

/// <summary>
/// An opaque keyset cursor: a sort key plus the id that breaks ties. Feeds page by "after this (key, id)",
/// which stays correct while new rows arrive, unlike offsets.
/// </summary>
public readonly record struct Cursor(long Key, long Id)
{
    public string Encode()
    {
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteInt64BigEndian(bytes, Key);
        BinaryPrimitives.WriteInt64BigEndian(bytes[8..], Id);
        return Base64Url.EncodeToString(bytes);
    }

    public static bool TryDecode(string? text, out Cursor cursor)
    {
        cursor = default;
        // TryDecode throws on characters outside the alphabet; a cursor from a client is untrusted text.
        if (string.IsNullOrEmpty(text) || text.Length > 32 || !Base64Url.IsValid(text))
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[24];
        if (!Base64Url.TryDecodeFromChars(text, bytes, out var written) || written != 16)
        {
            return false;
        }

        cursor = new Cursor(BinaryPrimitives.ReadInt64BigEndian(bytes), BinaryPrimitives.ReadInt64BigEndian(bytes[8..]));
        return true;
    }
}

/// <summary>One page of a list; <see cref="Next"/> is null on the last page.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? Next);
