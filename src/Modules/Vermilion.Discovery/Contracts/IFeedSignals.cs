namespace Vermilion.Discovery.Contracts;

/// <summary>
/// Signals recorded for the discovery feed on a person's behalf, server to server: a search (the search module
/// records each one), a purchase made from a note (the feed also hears of those through the shop's
/// <c>OrderPaid</c> event). The browser reports what only it sees through <c>POST /api/events</c>.
/// </summary>
public interface IFeedSignals
{
    /// <summary>The person bought something from the note (its product card): the strongest "more like this".</summary>
    Task PurchasedAsync(long userId, long noteId, CancellationToken cancellationToken);

    /// <summary>The person searched: the feed offers notes related to it (与你搜索的…相关).</summary>
    Task SearchedAsync(long userId, string query, CancellationToken cancellationToken);
}
