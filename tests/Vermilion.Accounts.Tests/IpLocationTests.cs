using System.Net;
using System.Net.Http.Json;
using Vermilion.Accounts.IpLocation;
using Vermilion.Kernel.Persistence;
using Vermilion.Testing;

namespace Vermilion.Accounts.Tests;

public sealed class IpLocationTests
{
    [Fact]
    public void Lookup_PrefersTheMostSpecificRange()
    {
        var file = Path.GetTempFileName();
        File.WriteAllLines(file, ["10.0.0.0/8,浙江", "10.1.0.0/16,杭州", "not a line", "::1/128,本机"]);

        var lookup = new CsvIpLocationLookup(file);

        Assert.Equal("杭州", lookup.Find(IPAddress.Parse("10.1.2.3")));
        Assert.Equal("浙江", lookup.Find(IPAddress.Parse("10.2.2.3")));
        Assert.Equal("浙江", lookup.Find(IPAddress.Parse("::ffff:10.9.9.9")));
        Assert.Null(lookup.Find(IPAddress.Parse("192.0.2.1")));
        File.Delete(file);
    }

    [Fact]
    public void Lookup_WithoutAFile_KnowsNothing() => Assert.Null(new CsvIpLocationLookup(null).Find(IPAddress.Loopback));

    [Fact]
    public async Task SignIn_RecordsTheLocationOfTheAddress()
    {
        var file = Path.GetTempFileName();
        await File.WriteAllLinesAsync(file, ["0.0.0.0/0,上海", "::/0,上海"]);
        // A real socket, so the request has a client address to look up.
        await using var app = await VermilionApp.StartOnKestrelAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["Vermilion:IpLocation:File"] = file });
        var (_, id, username) = await app.SignUpAsync();

        await app.CreateClient().PostAsJsonAsync("/api/auth/token", new { login = username, password = ApiClient.Password });
        var profile = await (await app.CreateClient().GetAsync($"/api/users/{id}")).JsonAsync();

        Assert.Equal("上海", profile.GetProperty("ipLocation").GetString());
        File.Delete(file);
    }
}
