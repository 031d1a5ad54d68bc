using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vermilion.Discovery.Catalog;
using Vermilion.Discovery.Feed;

namespace Vermilion.Discovery.Training;

/// <summary>Reads the feed's note table and builds the in-memory catalog around a model.</summary>
internal sealed class FeedStateBuilder(FeedDb db, IOptions<FeedOptions> options, TimeProvider clock)
{
    public async Task<FeedState> BuildAsync(FeedModel model, CancellationToken cancellationToken)
    {
        var rows = await db.Notes.AsNoTracking().ToListAsync(cancellationToken);
        return new FeedState(model, CatalogSnapshot.Build(rows, model, options.Value, clock.GetUtcNow()), new LiveNotes());
    }
}
