namespace Vermilion.Discovery.Contracts;

/// <summary>
/// Signals other modules record for the discovery feed on a person's behalf, server to server: a purchase made
/// from a note (the shop, when an order is paid), a search (the search module). The browser reports what only it
/// sees through <c>POST /api/events</c>.
/// </summary>
public interface IFeedSignals
{
    /// <summary>The person bought something from the note (its product card): the strongest "more like this".</summary>
    Task PurchasedAsync(long userId, long noteId, CancellationToken cancellationToken);

    /// <summary>The person searched: the feed offers notes related to it (与你搜索的…相关).</summary>
    Task SearchedAsync(long userId, string query, CancellationToken cancellationToken);
}
