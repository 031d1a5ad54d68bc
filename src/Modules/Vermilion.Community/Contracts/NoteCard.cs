using Vermilion.Accounts.Contracts;

namespace Vermilion.Community.Contracts;

/// <summary>
/// A note as a card in a feed or a result list (written by <see cref="NoteCardMarkup"/>). <c>Reason</c>
/// says why it is shown ("因为你收藏了…"); <c>Status</c> is published, draft or scheduled; <c>Chip</c> is a link
/// another module puts under the title (search results show the product a note carries); <c>CoverColor</c> is the
/// cover's dominant colour (#rrggbb), the card's background while the picture loads (null for older covers).
/// </summary>
public sealed record NoteCard(
    string Id,
    string Type,
    string Title,
    string CoverUrl,
    int CoverWidth,
    int CoverHeight,
    UserSummary Author,
    int LikeCount,
    bool Liked,
    DateTimeOffset PublishedAt,
    string? Reason = null,
    int DurationSeconds = 0,
    string Status = "published",
    CardChip? Chip = null,
    string? CoverColor = null);

/// <summary>A small link on a card: a picture, a text and a short note beside it (a product: its cover, title and price).</summary>
public sealed record CardChip(string Text, string Href, string? ImageUrl = null, string? Note = null);
