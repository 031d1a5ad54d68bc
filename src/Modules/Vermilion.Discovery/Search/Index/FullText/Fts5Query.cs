using System.Text;
using Vermilion.Discovery.Search.Analysis;

namespace Vermilion.Discovery.Search.Index.FullText;

/// <summary>An analyzed query as FTS5 query text: each chunk a quoted phrase (a prefix one starred), joined by AND or OR.</summary>
internal static class Fts5Query
{
    public static string Match(IReadOnlyList<QueryChunk> chunks, bool any)
    {
        // Tokens hold only letters, digits and CJK characters, so quoting them as FTS5 strings is safe.
        var text = new StringBuilder();
        foreach (var chunk in chunks)
        {
            if (text.Length > 0)
            {
                text.Append(any ? " OR " : " AND ");
            }

            text.Append('"').Append(string.Join(' ', chunk.Tokens)).Append('"');
            if (chunk.Prefix)
            {
                text.Append('*');
            }
        }

        return text.ToString();
    }
}
