using Vermilion.Community.Notes;
using Vermilion.Kernel.Paging;

namespace Vermilion.Community.Feeds;

/// <summary>A feed as a page renders it: the first page, where the next pages come from, what to say if empty.</summary>
public sealed record FeedView(Page<NoteCard> Page, string Source, string Empty);
