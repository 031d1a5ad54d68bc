using Vermilion.Commerce.Stores;

namespace Vermilion.Commerce.Orders;

/// <summary>
/// Who earns the commission (带货佣金) of an order bought from a note, decided once when the order is placed and
/// kept on the order, so settlement and the merchant read the same answer whatever happens to the note later.
/// </summary>
internal enum CreatorCredit
{
    /// <summary>Not bought from a note (or from one the buyer could not see, or without the product's card).</summary>
    NoNote = 0,

    /// <summary>The note's author earns the store's commission.</summary>
    Credited = 1,

    /// <summary>The buyer wrote the note: nobody earns a commission on their own purchase.</summary>
    BuyersOwnNote = 2,

    /// <summary>The store's side wrote the note: a store does not pay itself for selling its own goods.</summary>
    StoresOwnNote = 3,
}

internal static class CreatorCredits
{
    /// <summary>
    /// The credit for an order whose goods came from a note by <paramref name="author"/>. The store's side is its
    /// owner: a store is run by one account (stores have no staff accounts yet).
    /// </summary>
    public static CreatorCredit Decide(long? author, long buyerId, Store store) => author switch
    {
        null => CreatorCredit.NoNote,
        { } a when a == buyerId => CreatorCredit.BuyersOwnNote,
        { } a when a == store.OwnerId => CreatorCredit.StoresOwnNote,
        _ => CreatorCredit.Credited,
    };

    public static string Name(CreatorCredit credit) => credit switch
    {
        CreatorCredit.Credited => "credited",
        CreatorCredit.BuyersOwnNote => "buyers_own_note",
        CreatorCredit.StoresOwnNote => "stores_own_note",
        _ => "none",
    };
}
