using System.Globalization;
using System.Reflection;
using System.Text.Json;

namespace Vermilion.Kernel.Localization;

/// <summary>
/// Every user-facing string of every module, per culture. A module embeds <c>Resources/strings.{culture}.json</c>
/// (flat key → text); zh-CN is the default and the fallback.
/// </summary>
public sealed class StringTable
{
    public const string DefaultCulture = "zh-CN";

    public static readonly string[] Cultures = [DefaultCulture, "en"];

    private readonly Dictionary<string, Dictionary<string, string>> _byCulture = new(StringComparer.OrdinalIgnoreCase);

    public void Load(Assembly assembly)
    {
        foreach (var culture in Cultures)
        {
            using var stream = assembly.GetManifestResourceStream($"strings.{culture}.json");
            if (stream is null)
            {
                continue;
            }

            var entries = JsonSerializer.Deserialize<Dictionary<string, string>>(stream)
                ?? throw new InvalidOperationException($"{assembly.GetName().Name}: strings.{culture}.json is empty.");
            if (!_byCulture.TryGetValue(culture, out var table))
            {
                _byCulture[culture] = table = new(StringComparer.Ordinal);
            }

            foreach (var (key, text) in entries)
            {
                if (!table.TryAdd(key, text))
                {
                    throw new InvalidOperationException($"String '{key}' ({culture}) is defined twice.");
                }
            }
        }
    }

    public string? Find(string key, CultureInfo culture)
    {
        for (var c = culture; c != CultureInfo.InvariantCulture; c = c.Parent)
        {
            if (_byCulture.TryGetValue(c.Name, out var table) && table.TryGetValue(key, out var text))
            {
                return text;
            }
        }

        return _byCulture.TryGetValue(DefaultCulture, out var fallback) ? fallback.GetValueOrDefault(key) : null;
    }

    public IEnumerable<string> Keys(string culture) =>
        _byCulture.TryGetValue(culture, out var table) ? table.Keys : [];
}
