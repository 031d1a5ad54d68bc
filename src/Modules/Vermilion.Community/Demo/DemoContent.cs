using Microsoft.EntityFrameworkCore;
using Vermilion.Community.Contracts;
using Vermilion.Community.Notes;
using Vermilion.Kernel.Ids;
using Vermilion.Kernel.Media;

namespace Vermilion.Community.Demo;

/// <summary>
/// The demo community on top of the demo people: picture notes (illustrations and text cards drawn with Skia) and text cards across
/// ten channels, and follows, likes, collects and comments with realistic skew. Planned in memory with exact
/// counters, then written in bulk, so even the large benchmark community is made in minutes.
/// </summary>
internal sealed class DemoContent(CommunityDb db, IdGenerator ids, TimeProvider clock, Pictures media) : IDemoCommunity
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
        return notes;
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
