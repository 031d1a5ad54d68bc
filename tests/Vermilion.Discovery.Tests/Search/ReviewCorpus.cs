namespace Vermilion.Discovery.Tests.Search;

/// <summary>One real shopping review: its product category (书籍, 平板, 手机, ...), sentiment label and text.</summary>
internal sealed record Review(int Line, string Category, int Label, string Text);

/// <summary>
/// The 62,774 real Chinese reviews of <c>../shared/data/reviews/online_shopping_10_cats.csv</c>, read once per
/// test run. A missing file fails the test that needs it (never a skip).
/// </summary>
internal static class ReviewCorpus
{
    private static readonly Lazy<IReadOnlyList<Review>> Reviews = new(Read);

    public static IReadOnlyList<Review> All => Reviews.Value;

    private static List<Review> Read()
    {
        var path = RepositoryFiles.SharedData(Path.Combine("reviews", "online_shopping_10_cats.csv"));
        var reviews = new List<Review>(63_000);
        var line = 0;
        foreach (var row in File.ReadLines(path))
        {
            line++;
            if (line == 1)
            {
                continue;
            }

            var first = row.IndexOf(',', StringComparison.Ordinal);
            var second = first < 0 ? -1 : row.IndexOf(',', first + 1);
            if (second < 0)
            {
                continue;
            }

            var text = row[(second + 1)..].Trim().TrimStart('\uFEFF');
            if (text.Length >= 2 && text[0] == '"' && text[^1] == '"')
            {
                text = text[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal);
            }

            if (text.Length > 0)
            {
                reviews.Add(new Review(line, row[..first], row[first + 1] == '1' ? 1 : 0, text));
            }
        }

        return reviews;
    }
}
