using Microsoft.EntityFrameworkCore;
using Vermilion.Accounts.Contracts;
using Vermilion.Community.Contracts;
using Vermilion.Community.Follows;
using Vermilion.Community.Topics;
using Vermilion.Kernel.Events;

namespace Vermilion.Community.Notes;

/// <summary>What happens when a note becomes visible: topics and mentions recorded, counters moved, the world told.</summary>
internal sealed class NotePublication(CommunityDb db, IUserDirectory users, OutboxWriter outbox, TimeProvider clock)
{
    public async Task PublishAsync(Note note, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var topics = NoteText.Topics(note.Title + "\n" + note.Body);
        await TopicCounts.AddAsync(db, note.Id, topics, now, cancellationToken);
        var mentioned = await RecordMentionsAsync(note, cancellationToken);
        await Stats.AddAsync(db, note.AuthorId, StatsField.Notes, 1, cancellationToken);
        db.OutboxMessages.Add(outbox.Wrap(new NotePublished(note.Id, note.AuthorId, NoteNames.TypeName(note.Type), note.Title, note.Body,
            topics, note.City, NoteNames.PrivacyName(note.Privacy))));
        if (mentioned.Count > 0)
        {
            db.OutboxMessages.Add(outbox.Wrap(new UsersMentioned(note.Id, note.AuthorId, mentioned)));
        }
    }

    /// <summary>After an edit of a visible note: topics and mentions re-read, the edit announced.</summary>
    public async Task RepublishAsync(Note note, CancellationToken cancellationToken)
    {
        await TopicCounts.RemoveAsync(db, note.Id, cancellationToken);
        var topics = NoteText.Topics(note.Title + "\n" + note.Body);
        await TopicCounts.AddAsync(db, note.Id, topics, clock.GetUtcNow(), cancellationToken);
        var before = await db.NoteMentions.Where(m => m.NoteId == note.Id).Select(m => m.UserId).ToListAsync(cancellationToken);
        await db.NoteMentions.Where(m => m.NoteId == note.Id).ExecuteDeleteAsync(cancellationToken);
        var mentioned = await RecordMentionsAsync(note, cancellationToken);
        db.OutboxMessages.Add(outbox.Wrap(new NoteEdited(note.Id, note.AuthorId, note.Title, note.Body, topics, note.City, NoteNames.PrivacyName(note.Privacy))));
        var newly = mentioned.Except(before).ToList();
        if (newly.Count > 0)
        {
            db.OutboxMessages.Add(outbox.Wrap(new UsersMentioned(note.Id, note.AuthorId, newly)));
        }
    }

    public async Task WithdrawAsync(Note note, CancellationToken cancellationToken)
    {
        await TopicCounts.RemoveAsync(db, note.Id, cancellationToken);
        await Stats.AddAsync(db, note.AuthorId, StatsField.Notes, -1, cancellationToken);
        db.OutboxMessages.Add(outbox.Wrap(new NoteDeleted(note.Id, note.AuthorId)));
    }

    private async Task<List<long>> RecordMentionsAsync(Note note, CancellationToken cancellationToken)
    {
        var mentioned = new List<long>();
        foreach (var username in NoteText.Mentions(note.Title + "\n" + note.Body))
        {
            if (await users.FindIdByUsernameAsync(username, cancellationToken) is { } id && id != note.AuthorId && !mentioned.Contains(id))
            {
                mentioned.Add(id);
                db.NoteMentions.Add(new NoteMention { NoteId = note.Id, UserId = id });
            }
        }

        return mentioned;
    }
}
