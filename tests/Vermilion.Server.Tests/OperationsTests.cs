using System.Net;
using Vermilion.Kernel.Persistence;
using Vermilion.Testing;

namespace Vermilion.Server.Tests;

public sealed class OperationsTests
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Health_LiveAndReady_AreHealthyOnAMigratedDatabase(DatabaseProvider provider)
    {
        await using var app = await VermilionApp.StartAsync(provider);
        var client = app.CreateClient();

        Assert.Equal("Healthy", await client.GetStringAsync("/health/live"));
        Assert.Equal("Healthy", await client.GetStringAsync("/health/ready"));
    }

    [Fact]
    public async Task OpenApi_DocumentsTheAccountEndpoints_AndTheExplorerLoads()
    {
        await using var app = await VermilionApp.StartAsync(DatabaseProvider.Sqlite);
        var client = app.CreateClient();

        var document = await client.GetStringAsync("/openapi/v1.json");
        var explorer = await client.GetAsync("/api/docs/index.html");

        foreach (var path in new[] { "/api/auth/signup", "/api/auth/token", "/api/auth/signout", "/api/me", "/api/users/{id}" })
        {
            Assert.Contains($"\"{path}\"", document, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.OK, explorer.StatusCode);
        Assert.Contains("\"bearer\"", document, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownApiPath_IsProblemDetails()
    {
        await using var app = await VermilionApp.StartAsync(DatabaseProvider.Sqlite);

        var response = await app.CreateClient().GetAsync("/api/does-not-exist");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
