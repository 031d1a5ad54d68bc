using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Vermilion.Kernel.Persistence;
using Vermilion.Testing;

namespace Vermilion.Commerce.Tests.Catalog;

/// <summary>An approved store's name, kind and licence are what buyers trust: a change of any goes back to review.</summary>
public sealed class StoreChangeTests(AppPerProvider apps) : IClassFixture<AppPerProvider>
{
    private const string Licence = "91330106MA2GL5678X";

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task AnApprovedStore_RenamingItselfOfficialFlagship_KeepsTradingUnderItsApprovedNameUntilAModeratorApproves(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (owner, _, _) = await app.SignUpAsync();
        var name = "小鹿杂货" + ApiClient.UniqueName("s")[..6];
        var storeId = (await (await owner.PostAsJsonAsync("/api/stores", new { name, kind = "individual" })).JsonAsync()).GetProperty("id").GetString()!;
        var (moderator, _, _) = await app.ModeratorAsync();
        Assert.Equal(HttpStatusCode.OK, (await moderator.PostAsJsonAsync($"/api/stores/{storeId}/decision", new { approve = true })).StatusCode);

        // "官方" / "旗舰" belong to a flagship, and a flagship shows its licence.
        var officialIndividual = await owner.PostAsJsonAsync("/api/stores", new { name = "官方旗舰店" + name, kind = "individual" });
        var flagshipWithoutLicence = await owner.PostAsJsonAsync("/api/stores", new { name = "官方旗舰店" + name, kind = "flagship" });
        var badLicence = await owner.PostAsJsonAsync("/api/stores", new { name = "官方旗舰店" + name, kind = "flagship", licence = "12345" });
        Assert.Contains("name", await officialIndividual.FieldsAsync());
        Assert.Contains("licence", await flagshipWithoutLicence.FieldsAsync());
        Assert.Contains("licence", await badLicence.FieldsAsync());

        var asked = await owner.PostAsJsonAsync("/api/stores", new { name = "官方旗舰店" + name, kind = "flagship", licence = Licence.ToLowerInvariant(), description = "新简介" });
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        var mine = await owner.GetFromJsonAsync<JsonElement>("/api/stores/mine");
        Assert.Equal(name, mine.GetProperty("name").GetString());
        Assert.Equal("approved", mine.GetProperty("status").GetString());
        Assert.Equal("官方旗舰店" + name, mine.GetProperty("pendingChange").GetProperty("name").GetString());
        Assert.Equal(Licence, mine.GetProperty("pendingChange").GetProperty("licence").GetString());

        // Buyers still see the approved identity; the description changed at once.
        var shown = await app.CreateClient().GetFromJsonAsync<JsonElement>($"/api/stores/{storeId}");
        Assert.Equal(name, shown.GetProperty("name").GetString());
        Assert.Equal("individual", shown.GetProperty("kind").GetString());
        Assert.Equal("新简介", shown.GetProperty("description").GetString());
        Assert.Equal(JsonValueKind.Null, shown.GetProperty("pendingChange").ValueKind);

        // The moderator's queue has it, on the page and through the API; the owner cannot decide it.
        Assert.Equal(HttpStatusCode.Forbidden, (await owner.PostAsJsonAsync($"/api/stores/{storeId}/decision", new { approve = true })).StatusCode);
        var queue = await moderator.GetFromJsonAsync<JsonElement>("/api/stores?status=changes");
        Assert.Contains(queue.EnumerateArray(), s => s.GetProperty("id").GetString() == storeId);
        Assert.Equal(HttpStatusCode.Forbidden, (await owner.GetAsync("/api/stores?status=changes")).StatusCode);
        Assert.Contains("官方旗舰店" + name, await moderator.GetStringAsync("/admin/stores"), StringComparison.Ordinal);

        var approved = await moderator.PostAsJsonAsync($"/api/stores/{storeId}/decision", new { approve = true });
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        shown = await app.CreateClient().GetFromJsonAsync<JsonElement>($"/api/stores/{storeId}");
        Assert.Equal("官方旗舰店" + name, shown.GetProperty("name").GetString());
        Assert.Equal("flagship", shown.GetProperty("kind").GetString());
        Assert.Equal(Licence, shown.GetProperty("licence").GetString());
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ARejectedChange_LeavesTheStoreAsApproved_AndAskingForTheApprovedNameWithdrawsOne(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var merchant = await app.MerchantAsync();
        var (moderator, _, _) = await app.ModeratorAsync();
        var before = await merchant.Client.GetFromJsonAsync<JsonElement>("/api/stores/mine");
        var name = before.GetProperty("name").GetString()!;

        await merchant.Client.PostAsJsonAsync("/api/stores", new { name = name + "二店", kind = "flagship" });
        var withoutReason = await moderator.PostAsJsonAsync($"/api/stores/{merchant.StoreId}/decision", new { approve = false });
        Assert.Contains("note", await withoutReason.FieldsAsync());
        var rejected = await moderator.PostAsJsonAsync($"/api/stores/{merchant.StoreId}/decision", new { approve = false, note = "名称与营业执照不符" });
        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        var after = await merchant.Client.GetFromJsonAsync<JsonElement>("/api/stores/mine");
        Assert.Equal(name, after.GetProperty("name").GetString());
        Assert.Equal("approved", after.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, after.GetProperty("pendingChange").ValueKind);
        Assert.Equal(HttpStatusCode.Conflict, (await moderator.PostAsJsonAsync($"/api/stores/{merchant.StoreId}/decision", new { approve = true })).StatusCode);

        await merchant.Client.PostAsJsonAsync("/api/stores", new { name = name + "三店", kind = "flagship" });
        await merchant.Client.PostAsJsonAsync("/api/stores", new { name, kind = "flagship", commissionBasisPoints = 1200 });
        var withdrawn = await merchant.Client.GetFromJsonAsync<JsonElement>("/api/stores/mine");
        Assert.Equal(JsonValueKind.Null, withdrawn.GetProperty("pendingChange").ValueKind);
        Assert.Equal(1200, withdrawn.GetProperty("commissionBasisPoints").GetInt32());
    }
}
