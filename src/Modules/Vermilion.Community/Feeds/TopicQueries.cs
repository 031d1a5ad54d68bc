using Microsoft.EntityFrameworkCore;
using Vermilion.Community.Notes;
using Vermilion.Kernel.Paging;
using Vermilion.Community.Contracts;

namespace Vermilion.Community.Feeds;

public sealed record TopicPage(string Name, int NoteCount, IReadOnlyList<NoteCard> Notes, string? Next);

/// <summary>Topic pages and the topic suggestions offered while typing <c>#</c>.</summary>
internal sealed class TopicQueries(CommunityDb db, FeedQueries feeds)
{
    public async Task<TopicPage?> PageAsync(string name, string sort, string? cursor, long? viewer, CancellationToken cancellationToken)
    {
        var topic = await db.Topics.AsNoTracking().FirstOrDefaultAsync(t => t.Name == name, cancellationToken);
        if (topic is null)
        {
            return null;
        }

        if (sort == "latest")
        {
            var page = await feeds.TopicLatestAsync(name, viewer, cursor, cancellationToken);
            return new TopicPage(topic.Name, topic.NoteCount, page.Items, page.Next);
        }

        return new TopicPage(topic.Name, topic.NoteCount, await feeds.TopicHotAsync(name, viewer, cancellationToken), null);
    }

    public async Task<IReadOnlyList<(string Name, int NoteCount)>> SuggestAsync(string prefix, CancellationToken cancellationToken)
    {
        var query = db.Topics.AsNoTracking().Where(t => t.NoteCount > 0);
        if (prefix.Length > 0)
        {
            query = query.Where(t => t.Name.StartsWith(prefix));
        }

        var rows = await query.OrderByDescending(t => t.NoteCount).Take(10).Select(t => new { t.Name, t.NoteCount }).ToListAsync(cancellationToken);
        return [.. rows.Select(r => (r.Name, r.NoteCount))];
    }
}
