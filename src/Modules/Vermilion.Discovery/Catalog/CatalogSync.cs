using Vermilion.Community.Contracts;
using Vermilion.Kernel.Events;

namespace Vermilion.Discovery.Catalog;

/// <summary>
/// Keeps the feed's copy of a note current: whatever the event says changed, the note is read again as it is
/// now, so events delivered twice or out of order still leave the right state.
/// </summary>
internal sealed class CatalogSync(ICommunityExport export, CatalogWriter writer)
    : IEventHandler<NotePublished>, IEventHandler<NoteEdited>, IEventHandler<NoteDeleted>
{
    public Task HandleAsync(NotePublished domainEvent, EventContext context, CancellationToken cancellationToken) =>
        RefreshAsync(domainEvent.NoteId, cancellationToken);

    public Task HandleAsync(NoteEdited domainEvent, EventContext context, CancellationToken cancellationToken) =>
        RefreshAsync(domainEvent.NoteId, cancellationToken);

    public Task HandleAsync(NoteDeleted domainEvent, EventContext context, CancellationToken cancellationToken) =>
        RefreshAsync(domainEvent.NoteId, cancellationToken);

    private async Task RefreshAsync(long noteId, CancellationToken cancellationToken)
    {
        if (await export.NoteAsync(noteId, cancellationToken) is { } note)
        {
            await writer.UpsertAsync([note], cancellationToken);
        }
    }
}
