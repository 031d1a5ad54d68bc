using Microsoft.EntityFrameworkCore;
using Vermilion.Community.Contracts;
using Vermilion.Community.Notes;
using Vermilion.Kernel.Ids;
using Vermilion.Kernel.Media;

namespace Vermilion.Community.Demo;

/// <summary>
/// The demo community on top of the demo people: picture notes (illustrations and text cards drawn with Skia) in the
/// feed's channels and a few more, each about one subject of its channel with a title of its own, and follows,
/// likes, collects and comments on the notes' themes with realistic skew. Planned in memory with exact counters,
/// then written in bulk, so even the large benchmark community is made in minutes; the <c>demo</c> account's own
/// inbox is then made through the real use cases (<see cref="DemoInbox"/>).
/// </summary>
internal sealed class DemoContent(CommunityDb db, IdGenerator ids, TimeProvider clock, Pictures media, DemoInbox inbox) : IDemoCommunity
{
    private const int PicturesPerChannel = 6;

    public async Task<int> EnsureAsync(IReadOnlyList<long> people, int notes, int interactions, IProgress<(string Stage, int Done, int Total)>? progress, CancellationToken cancellationToken)
    {
        var existing = await db.Notes.CountAsync(cancellationToken);
        if (existing > 0 || people.Count < 2)
        {
            return existing;
        }

        var pictures = await DemoPictures.DrawAsync(media, PicturesPerChannel, cancellationToken);
        var plan = DemoPlan.Make(people.Count, notes, interactions, ids, pictures, progress);
        var covers = await TextCoversAsync(plan, cancellationToken);
        await new DemoWriter(db, ids, clock.GetUtcNow(), people, progress).WriteAsync(plan, covers, cancellationToken);
        await inbox.FillAsync(people, plan, cancellationToken);
        return notes;
    }

    public async Task<IReadOnlyList<DemoNoteTopic>> NotesAboutAsync(IReadOnlyCollection<string> subjects, int perSubject, CancellationToken cancellationToken)
    {
        var found = new List<DemoNoteTopic>();
        foreach (var subject in subjects)
        {
            if (DemoTexts.Channels.FirstOrDefault(c => c.Subjects.Any(s => s.Topic == subject)) is not { } channel)
            {
                continue;
            }

            var notes = await db.NoteTopics.Where(t => t.Topic == subject)
                .Join(db.Notes.Where(n => n.Privacy == Privacy.Public && n.Status == NoteStatus.Published), t => t.NoteId, n => n.Id, (_, n) => n)
                .OrderByDescending(n => n.LikeCount).ThenBy(n => n.Id).Take(perSubject)
                .Select(n => new { n.Id, n.AuthorId }).ToListAsync(cancellationToken);
            found.AddRange(notes.Select(n => new DemoNoteTopic(n.Id, n.AuthorId, channel.Name, subject)));
        }

        return found;
    }

    /// <summary>One rendered card per title and style the plan uses (the store would keep duplicates once anyway).</summary>
    private async Task<Dictionary<(string Title, int Style), StoredPicture>> TextCoversAsync(DemoPlan plan, CancellationToken cancellationToken)
    {
        var wanted = plan.Notes.Where(n => n.Pictures.Count == 0).Select(n => (n.Title, n.CardStyle)).Distinct().ToList();
        // Drawn on every core at once (the picture store lets one picture per core be encoded at a time).
        var drawn = await Task.WhenAll(wanted.Select(w => Task.Run(async () =>
        {
            using var card = TextCards.Render(w.Title, "", w.CardStyle);
            return (w, await media.SaveAsync(card, cancellationToken));
        }, cancellationToken)));
        return drawn.ToDictionary(d => d.w, d => d.Item2);
    }
}
