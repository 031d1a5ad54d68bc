namespace Vermilion.Discovery.Search.Index;

/// <summary>
/// A listed product as search holds it (商品): what the sorts read (price, sales, rating) and the text results are
/// marked from. Its words are in the full-text index (FTS5 on SQLite, a tsvector on PostgreSQL) under the same id.
/// Products off the shelf or of a store that is not approved are not here at all.
/// </summary>
internal sealed class IndexedProduct
{
    public const int TitleMax = 120;
    public const int SpecsMax = 400;
    public const int StoreNameMax = 60;
    public const int NotesMax = 1000;

    public long Id { get; init; }

    public long StoreId { get; set; }

    public string Title { get; set; } = "";

    /// <summary>SKU specs and attributes as words (颜色 红 蓝 尺码 M).</summary>
    public string Specs { get; set; } = "";

    public string StoreName { get; set; } = "";

    /// <summary>The titles of public notes carrying the product (their product cards), newest first.</summary>
    public string Notes { get; set; } = "";

    /// <summary>The lowest SKU price, in fen.</summary>
    public long Price { get; set; }

    public int SoldCount { get; set; }

    /// <summary>Average stars × 100 (0 without reviews): a whole number, so the rating sort pages by keyset like the others.</summary>
    public int Rating { get; set; }

    public int RatingCount { get; set; }

    public DateTimeOffset IndexedAt { get; set; }
}
