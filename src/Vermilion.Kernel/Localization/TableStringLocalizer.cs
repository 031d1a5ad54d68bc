using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Vermilion.Kernel.Localization;

/// <summary>An <see cref="IStringLocalizer"/> over the shared <see cref="StringTable"/>; a missing key shows as itself.</summary>
public sealed class TableStringLocalizer(StringTable table) : IStringLocalizer
{
    public LocalizedString this[string name]
    {
        get
        {
            var text = table.Find(name, CultureInfo.CurrentUICulture);
            return new LocalizedString(name, text ?? name, resourceNotFound: text is null);
        }
    }

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var found = this[name];
            return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, found.Value, arguments), found.ResourceNotFound);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        table.Keys(CultureInfo.CurrentUICulture.Name).Select(k => this[k]);
}

public sealed class TableStringLocalizerFactory(StringTable table) : IStringLocalizerFactory
{
    public IStringLocalizer Create(Type resourceSource) => new TableStringLocalizer(table);

    public IStringLocalizer Create(string baseName, string location) => new TableStringLocalizer(table);
}
