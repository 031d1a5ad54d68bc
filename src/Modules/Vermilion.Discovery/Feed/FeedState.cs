using Vermilion.Discovery.Catalog;
using Vermilion.Discovery.Training;

namespace Vermilion.Discovery.Feed;

/// <summary>The model and the catalog built with it (sharing note indexes), and what changed since.</summary>
internal sealed record FeedState(FeedModel Model, CatalogSnapshot Catalog, LiveNotes Live)
{
    /// <summary>A note by id wherever it is: the catalog, or the notes published since.</summary>
    public NoteInfo? Find(long noteId)
    {
        if (Live.IsHidden(noteId))
        {
            return null;
        }

        var index = Catalog.IndexOf(noteId);
        return index >= 0 ? Catalog.Notes[index] : Live.Find(noteId)?.Note;
    }

    public bool IsRecommendable(int index) => Catalog.IsRecommendable(index) && !Live.IsHidden(Catalog.Notes[index].Id);
}

/// <summary>The current feed state, swapped whole when a model is trained or loaded or the catalog rebuilt.</summary>
internal sealed class FeedStateHolder
{
    private volatile FeedState? current;

    public FeedState? Current => current;

    public bool IsReady => current is not null;

    public void Swap(FeedState state) => current = state;
}
