namespace Vermilion.Kernel.Ids;

/// <summary>Shows a 64-bit id as a short base-62 string (at most 11 characters) and reads it back.</summary>
public static class ShortId
{
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    public static string Encode(long id)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(id);
        if (id == 0)
        {
            return "0";
        }

        Span<char> buffer = stackalloc char[11];
        var position = buffer.Length;
        var value = (ulong)id;
        while (value > 0)
        {
            buffer[--position] = Alphabet[(int)(value % 62)];
            value /= 62;
        }

        return new string(buffer[position..]);
    }

    public static bool TryDecode(string? text, out long id)
    {
        id = 0;
        if (string.IsNullOrEmpty(text) || text.Length > 11)
        {
            return false;
        }

        ulong value = 0;
        foreach (var c in text)
        {
            var digit = Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (digit < 0)
            {
                return false;
            }

            var next = (value * 62) + (ulong)digit;
            if (next < value || next > long.MaxValue)
            {
                return false;
            }

            value = next;
        }

        id = (long)value;
        return true;
    }
}
