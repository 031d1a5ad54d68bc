using Microsoft.AspNetCore.Authorization;
using Vermilion.Commerce.Orders;
using Vermilion.Kernel.Web;

namespace Vermilion.Commerce.Pages.Orders;

/// <summary>My orders (我的订单), with tabs by state.</summary>
[Authorize]
internal sealed class IndexModel(OrderQueries orders) : CommercePage
{
    public static readonly string[] Tabs = ["", "pending_payment", "paid", "shipped", "completed", "closed"];

    public IReadOnlyList<OrderView> Orders { get; private set; } = [];

    public string Status { get; private set; } = "";

    public async Task OnGetAsync(string? status)
    {
        Status = Tabs.Contains(status) ? status! : "";
        Orders = await orders.ForBuyerAsync(User.RequiredUserId(), Status.Length == 0 ? null : Status, 50, HttpContext.RequestAborted);
    }
}
