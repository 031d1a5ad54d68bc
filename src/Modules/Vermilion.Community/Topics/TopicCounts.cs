using Microsoft.EntityFrameworkCore;

namespace Vermilion.Community.Topics;

/// <summary>Keeps each topic's note count in step with the notes that name it, inside the caller's transaction.</summary>
internal static class TopicCounts
{
    public static async Task AddAsync(CommunityDb db, long noteId, IReadOnlyCollection<string> topics, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var name in topics)
        {
            // Insert-if-absent then increment: both providers speak ON CONFLICT, and the increment is atomic.
            await db.Database.ExecuteSqlAsync(
                $"INSERT INTO community_topics (name, note_count, created_at) VALUES ({name}, 0, {now.UtcDateTime}) ON CONFLICT DO NOTHING",
                cancellationToken);
            await db.Topics.Where(t => t.Name == name).ExecuteUpdateAsync(u => u.SetProperty(t => t.NoteCount, t => t.NoteCount + 1), cancellationToken);
            db.NoteTopics.Add(new NoteTopic { NoteId = noteId, Topic = name });
        }
    }

    public static async Task RemoveAsync(CommunityDb db, long noteId, CancellationToken cancellationToken)
    {
        var names = await db.NoteTopics.Where(t => t.NoteId == noteId).Select(t => t.Topic).ToListAsync(cancellationToken);
        if (names.Count == 0)
        {
            return;
        }

        await db.Topics.Where(t => names.Contains(t.Name) && t.NoteCount > 0)
            .ExecuteUpdateAsync(u => u.SetProperty(t => t.NoteCount, t => t.NoteCount - 1), cancellationToken);
        await db.NoteTopics.Where(t => t.NoteId == noteId).ExecuteDeleteAsync(cancellationToken);
    }
}
