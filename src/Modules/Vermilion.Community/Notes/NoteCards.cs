using Microsoft.EntityFrameworkCore;
using Vermilion.Community.Contracts;

namespace Vermilion.Community.Notes;

/// <summary>Cards for other modules' lists, through the same visibility rule and card builder the community's own feeds use.</summary>
internal sealed class NoteCards(CommunityDb db, NoteQueries notes, TimeProvider clock) : INoteCards
{
    public async Task<IReadOnlyList<NoteCard>> CardsAsync(IReadOnlyList<long> noteIds, long? viewer, IReadOnlyDictionary<long, string>? reasons, CancellationToken cancellationToken)
    {
        if (noteIds.Count == 0)
        {
            return [];
        }

        var ids = noteIds.Distinct().ToList();
        var found = await db.Notes.AsNoTracking().VisibleTo(db, viewer, clock.GetUtcNow()).Where(n => ids.Contains(n.Id)).ToDictionaryAsync(n => n.Id, cancellationToken);
        var ordered = ids.Where(found.ContainsKey).Select(id => found[id]).ToList();
        return await notes.CardsAsync(ordered, viewer, cancellationToken, reasons is null ? null : n => reasons.GetValueOrDefault(n.Id));
    }
}
