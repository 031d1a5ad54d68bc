using System.Globalization;
using System.Text;
using Vermilion.Discovery.Search.Analysis;

namespace Vermilion.Discovery.Search.Index.FullText;

/// <summary>
/// Analyzed text as PostgreSQL full-text literals, so no text-search parser or locale touches CJK text: a document
/// as a tsvector of the analyzer's tokens with positions and weights, a query as a tsquery of followed-by phrases.
/// </summary>
internal static class TsText
{
    private const int MaxPosition = 16383;

    /// <summary>
    /// Fields in order, each with its weight letter (A–C, or "" for D), as <c>'token':position[weight]</c>, positions
    /// merged per token. Fields are kept apart by a gap in positions, so no phrase spans two of them.
    /// </summary>
    public static string Vector(params (IReadOnlyList<string> Tokens, string Weight)[] fields)
    {
        var positions = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var at = 1;
        foreach (var (tokens, weight) in fields)
        {
            foreach (var token in tokens)
            {
                if (at > MaxPosition)
                {
                    break;
                }

                if (!positions.TryGetValue(token, out var list))
                {
                    positions[token] = list = [];
                }

                list.Add(at.ToString(CultureInfo.InvariantCulture) + weight);
                at++;
            }

            at += 2;
        }

        var text = new StringBuilder();
        foreach (var (token, list) in positions)
        {
            text.Append('\'').Append(token).Append("':").Append(string.Join(',', list)).Append(' ');
        }

        return text.ToString();
    }

    /// <summary>Chunks that must all (or, with <paramref name="any"/>, at least one) match: phrases of <c>&lt;-&gt;</c>, a prefix as <c>:*</c>.</summary>
    public static string Query(IReadOnlyList<QueryChunk> chunks, bool any)
    {
        // Tokens hold only letters, digits and CJK characters, so quoting them as tsquery lexemes is safe.
        var parts = chunks.Select(chunk => chunk.Prefix
            ? $"'{chunk.Tokens[0]}':*"
            : "(" + string.Join(" <-> ", chunk.Tokens.Select(t => $"'{t}'")) + ")");
        return string.Join(any ? " | " : " & ", parts);
    }
}
