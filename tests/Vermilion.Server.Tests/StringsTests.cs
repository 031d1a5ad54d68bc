using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Vermilion.Kernel.Localization;
using Vermilion.Kernel.Persistence;
using Vermilion.Testing;

namespace Vermilion.Server.Tests;

/// <summary>Every string exists in both languages with the same placeholders.</summary>
public sealed partial class StringsTests
{
    [Fact]
    public async Task EveryKey_HasBothLanguagesWithTheSamePlaceholders()
    {
        await using var app = await VermilionApp.StartAsync(DatabaseProvider.Sqlite);
        var table = app.Services.GetRequiredService<StringTable>();
        var chinese = table.Keys("zh-CN").ToHashSet();
        var english = table.Keys("en").ToHashSet();

        Assert.NotEmpty(chinese);
        Assert.Empty(chinese.Except(english));
        Assert.Empty(english.Except(chinese));
        foreach (var key in chinese)
        {
            var zh = Placeholders(table.Find(key, new System.Globalization.CultureInfo("zh-CN"))!);
            var en = Placeholders(table.Find(key, new System.Globalization.CultureInfo("en"))!);
            Assert.True(zh.SetEquals(en), $"{key}: placeholders differ");
        }
    }

    private static HashSet<string> Placeholders(string text) => [.. PlaceholderPattern().Matches(text).Select(m => m.Value)];

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex PlaceholderPattern();
}
