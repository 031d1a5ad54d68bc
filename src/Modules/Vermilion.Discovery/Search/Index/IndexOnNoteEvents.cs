using Vermilion.Community.Contracts;
using Vermilion.Kernel.Events;

namespace Vermilion.Discovery.Search.Index;

/// <summary>
/// Reindexes a note whenever the community says it changed: published (findable within the dispatcher's
/// delay), edited (words, place or audience), deleted, or its likes, collects and comments moved. A note's title
/// and audience are part of the words of the products it carries, so those are read again too.
/// </summary>
internal sealed class IndexOnNoteEvents(NoteIndexer indexer, ProductIndexer products) :
    IEventHandler<NotePublished>,
    IEventHandler<NoteEdited>,
    IEventHandler<NoteDeleted>,
    IEventHandler<NoteLiked>,
    IEventHandler<NoteUnliked>,
    IEventHandler<NoteCollected>,
    IEventHandler<NoteUncollected>,
    IEventHandler<CommentPosted>
{
    public Task HandleAsync(NotePublished domainEvent, EventContext context, CancellationToken cancellationToken) =>
        RefreshWithProductsAsync(domainEvent.NoteId, cancellationToken);

    public Task HandleAsync(NoteEdited domainEvent, EventContext context, CancellationToken cancellationToken) =>
        RefreshWithProductsAsync(domainEvent.NoteId, cancellationToken);

    public Task HandleAsync(NoteDeleted domainEvent, EventContext context, CancellationToken cancellationToken) =>
        RefreshWithProductsAsync(domainEvent.NoteId, cancellationToken);

    public Task HandleAsync(NoteLiked domainEvent, EventContext context, CancellationToken cancellationToken) =>
        indexer.RefreshAsync(domainEvent.NoteId, cancellationToken);

    public Task HandleAsync(NoteUnliked domainEvent, EventContext context, CancellationToken cancellationToken) =>
        indexer.RefreshAsync(domainEvent.NoteId, cancellationToken);

    public Task HandleAsync(NoteCollected domainEvent, EventContext context, CancellationToken cancellationToken) =>
        indexer.RefreshAsync(domainEvent.NoteId, cancellationToken);

    public Task HandleAsync(NoteUncollected domainEvent, EventContext context, CancellationToken cancellationToken) =>
        indexer.RefreshAsync(domainEvent.NoteId, cancellationToken);

    public Task HandleAsync(CommentPosted domainEvent, EventContext context, CancellationToken cancellationToken) =>
        indexer.RefreshAsync(domainEvent.NoteId, cancellationToken);

    private async Task RefreshWithProductsAsync(long noteId, CancellationToken cancellationToken)
    {
        await indexer.RefreshAsync(noteId, cancellationToken);
        await products.RefreshCarriedByAsync(noteId, cancellationToken);
    }
}
