using Vermilion.Discovery.Contracts;

namespace Vermilion.Discovery.Signals;

/// <summary>Records the signals other modules report for the feed.</summary>
internal sealed class FeedSignals(SignalWriter writer) : IFeedSignals
{
    public Task PurchasedAsync(long userId, long noteId, CancellationToken cancellationToken) =>
        writer.WriteAsync([new FeedEvent { UserId = userId, Kind = FeedEventKind.Purchase, NoteId = noteId }], cancellationToken);

    public Task SearchedAsync(long userId, string query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var words = query.Trim();
        return words.Length == 0
            ? Task.CompletedTask
            : writer.WriteAsync([new FeedEvent { UserId = userId, Kind = FeedEventKind.Search, Query = words.Length > FeedEvent.QueryMax ? words[..FeedEvent.QueryMax] : words }], cancellationToken);
    }
}
