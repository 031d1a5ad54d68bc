using Vermilion.Kernel.Persistence;
using Vermilion.Testing;

namespace Vermilion.Discovery.Tests.Demo;

/// <summary>Searching the seeded demo for what people type finds notes about it.</summary>
public sealed class DemoSearchTests(DemoAppPerProvider apps) : IClassFixture<DemoAppPerProvider>
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task CommonWords_FindSeveralDemoNotes_AboutThem(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var client = app.CreateClient();

        foreach (var word in new[] { "咖啡", "露营", "耳机", "口红", "火锅" })
        {
            var found = (await (await client.GetAsync($"/api/search?q={Uri.EscapeDataString(word)}")).JsonAsync()).GetProperty("notes").EnumerateArray().ToList();
            Assert.True(found.Count >= 5, $"{word}: {found.Count} notes");
            Assert.Contains(found, n => n.GetProperty("card").GetProperty("title").GetString()!.Contains(word, StringComparison.Ordinal));
        }
    }
}
