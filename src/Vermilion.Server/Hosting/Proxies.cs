using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Vermilion.Server.Hosting;

/// <summary>
/// Behind a reverse proxy that terminates TLS, the client's address and scheme arrive in <c>X-Forwarded-For</c> and
/// <c>X-Forwarded-Proto</c>. They are believed only from the proxies named in <c>Vermilion:Proxy:KnownProxies</c>
/// (addresses) and <c>Vermilion:Proxy:KnownNetworks</c> (CIDR); from anyone else they could be forged to dodge rate
/// limits or claim HTTPS, so they are ignored. Rate limits, the sign-in throttle and the IP location then see the
/// client, and cookies and HSTS see HTTPS.
/// </summary>
internal static class Proxies
{
    public static IServiceCollection AddVermilionProxies(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("Vermilion:Proxy");
        var proxies = List(section.GetSection("KnownProxies")).Select(IPAddress.Parse).ToList();
        var networks = List(section.GetSection("KnownNetworks")).Select(System.Net.IPNetwork.Parse).ToList();
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Nothing is trusted by default, not even loopback: a proxy on this machine is named like any other.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            proxies.ForEach(o.KnownProxies.Add);
            networks.ForEach(o.KnownIPNetworks.Add);
            // A chain of known proxies is unwound to the first address that is not one of them.
            o.ForwardLimit = null;
        });
        return services;
    }

    /// <summary>A list as array entries (<c>KnownProxies:0</c>) or one comma-separated value, handy in an environment variable.</summary>
    private static IEnumerable<string> List(IConfigurationSection section) =>
        (section.Value is { Length: > 0 } joined ? joined.Split(',') : section.GetChildren().Select(c => c.Value ?? ""))
            .Select(v => v.Trim())
            .Where(v => v.Length > 0);
}
