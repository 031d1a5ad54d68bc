using Vermilion.Kernel.Paging;

namespace Vermilion.Community.Contracts;

/// <summary>
/// A feed as a page renders it (with the shared <c>_Feed</c> partial): the first page, where the next pages come
/// from (a feed source name, or with <c>FragmentUrl</c> another module's fragment endpoint), what to say if empty.
/// </summary>
public sealed record FeedView(Page<NoteCard> Page, string Source, string Empty, string? FragmentUrl = null);
