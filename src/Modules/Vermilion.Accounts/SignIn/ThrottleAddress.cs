using System.Net;
using System.Net.Sockets;

namespace Vermilion.Accounts.SignIn;

/// <summary>The address a throttle counts against.</summary>
internal static class ThrottleAddress
{
    public const int MaxLength = 50;

    /// <summary>
    /// An IPv4 address as it is; an IPv6 address by its /64, since one subscriber usually holds a whole /64 and could
    /// otherwise start afresh from each of its addresses.
    /// </summary>
    public static string Of(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
