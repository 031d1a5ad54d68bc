namespace Vermilion.Discovery.Search.Analysis;

/// <summary>What the analyzer makes of one character: part of a CJK run, a word, a number, or a separator.</summary>
internal enum CharacterClass
{
    Separator,
    Cjk,
    Letter,
    Digit,
}

internal static class Characters
{
    /// <summary>
    /// Folds one character without changing the length of the text, so offsets in folded text are offsets in the
    /// original (highlighting depends on it): full-width ASCII to ASCII, the ideographic space to a space, lower case.
    /// </summary>
    public static char Fold(char c)
    {
        if (c is >= '\uFF01' and <= '\uFF5E')
        {
            c = (char)(c - 0xFEE0);
        }
        else if (c == '\u3000')
        {
            return ' ';
        }

        return char.ToLowerInvariant(c);
    }

    public static string Fold(string text) => string.Create(text.Length, text, static (span, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            span[i] = Fold(source[i]);
        }
    });

    public static CharacterClass Classify(char c)
    {
        if (IsCjk(c))
        {
            return CharacterClass.Cjk;
        }

        if (char.IsSurrogate(c))
        {
            return CharacterClass.Separator;
        }

        if (char.IsDigit(c))
        {
            return CharacterClass.Digit;
        }

        return char.IsLetter(c) ? CharacterClass.Letter : CharacterClass.Separator;
    }

    /// <summary>Han ideographs (with extension A and compatibility), kana and Hangul: scripts written without spaces.</summary>
    public static bool IsCjk(char c) =>
        c is >= '\u4E00' and <= '\u9FFF'
            or >= '\u3400' and <= '\u4DBF'
            or >= '\uF900' and <= '\uFAFF'
            or >= '\u3040' and <= '\u30FF'
            or >= '\uAC00' and <= '\uD7AF';
}
