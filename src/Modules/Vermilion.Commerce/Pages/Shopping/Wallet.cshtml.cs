using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Vermilion.Commerce.Ledger;
using Vermilion.Commerce.Stores;
using Vermilion.Kernel.Web;

namespace Vermilion.Commerce.Pages.Shopping;

/// <summary>My money in the ledger: store earnings, creator commission (带货佣金), what I paid and got back.</summary>
[Authorize]
internal sealed class WalletModel(CommerceDb db, StoreAccess stores) : CommercePage
{
    public long Seller { get; private set; }

    public long Commission { get; private set; }

    public long Paid { get; private set; }

    public long Refunded { get; private set; }

    public bool HasStore { get; private set; }

    public async Task OnGetAsync()
    {
        var me = User.RequiredUserId();
        var store = await stores.OwnedAsync(me, HttpContext.RequestAborted);
        HasStore = store is not null;
        var seller = store is null ? "" : LedgerAccounts.Seller(store.Id);
        var creator = LedgerAccounts.Creator(me);
        var buyer = LedgerAccounts.Buyer(me);
        var rows = await db.LedgerPostings.Where(p => p.Account == seller || p.Account == creator || p.Account == buyer)
            .Select(p => new { p.Account, p.Amount }).ToListAsync(HttpContext.RequestAborted);
        Seller = rows.Where(r => r.Account == seller).Sum(r => r.Amount);
        Commission = rows.Where(r => r.Account == creator).Sum(r => r.Amount);
        Refunded = rows.Where(r => r.Account == buyer && r.Amount > 0).Sum(r => r.Amount);
        Paid = -rows.Where(r => r.Account == buyer && r.Amount < 0).Sum(r => r.Amount);
    }
}
