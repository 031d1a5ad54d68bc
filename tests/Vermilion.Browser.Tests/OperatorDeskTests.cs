using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Vermilion.Accounts.Contracts;
using Vermilion.Testing;

namespace Vermilion.Browser.Tests;

/// <summary>The operator's home: reached from the avatar menu, it shows what waits and leads to where it is handled.</summary>
public sealed class OperatorDeskTests
{
    [Fact]
    public async Task AnAdministrator_FindsTheDeskInTheMenu_SeesWhatWaits_AndOpensTheStoreQueue()
    {
        await using var session = await BrowserSession.StartAsync();
        var (applicant, _, _) = await session.App.SignUpAsync();
        Assert.True((await applicant.PostAsJsonAsync("/api/stores", new { name = "等审核的小店", kind = "individual" })).IsSuccessStatusCode);
        var (_, _, adminName) = await session.App.SignUpAsync();
        var (_, _, someone) = await session.App.SignUpAsync();
        await using (var scope = session.App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IRoleAdministration>().GrantAsync(adminName, Roles.Admin, CancellationToken.None);
        }

        var admin = await session.SignedInPageAsync(adminName);
        await admin.ClickAsync("[data-testid=avatar-menu] summary");
        await admin.ClickAsync("[data-testid=menu-admin]");
        await Assertions.Expect(admin).ToHaveURLAsync(session.BaseUrl + "/admin");
        await Assertions.Expect(admin.Locator("[data-testid=desk-stores] .admin-card-count")).ToHaveTextAsync("1");
        await Assertions.Expect(admin.Locator("[data-testid=desk-search]")).ToBeVisibleAsync();
        await admin.ClickAsync("[data-testid=desk-stores]");
        await Assertions.Expect(admin.Locator("[data-testid=pending-store]")).ToContainTextAsync("等审核的小店");

        // Everyone else has neither the menu entry nor the page.
        var person = await session.SignedInPageAsync(someone);
        await person.ClickAsync("[data-testid=avatar-menu] summary");
        await Assertions.Expect(person.Locator("[data-testid=menu-admin]")).ToHaveCountAsync(0);
        var response = await person.GotoAsync("/admin");
        Assert.NotEqual(200, response!.Status);
    }
}
