using System.Collections.Concurrent;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Vermilion.Server.Hosting;

/// <summary>
/// A static file's URL with its content version (<c>?v=…</c>), so browsers keep it until it changes. Every page
/// asks for the same few, so outside development each is worked out once per process (the files of a running
/// release do not change); in development the framework's provider is asked every time and notices edits.
/// </summary>
internal sealed class AssetUrls(IFileVersionProvider versions, IWebHostEnvironment environment)
{
    private readonly ConcurrentDictionary<(string PathBase, string Path), string> known = new();

    public string Of(HttpContext http, string path)
    {
        ArgumentNullException.ThrowIfNull(http);
        var pathBase = http.Request.PathBase;
        if (environment.IsDevelopment())
        {
            return versions.AddFileVersionToPath(pathBase, path);
        }

        return known.GetOrAdd((pathBase.Value ?? "", path), key => versions.AddFileVersionToPath(key.PathBase, key.Path));
    }
}
