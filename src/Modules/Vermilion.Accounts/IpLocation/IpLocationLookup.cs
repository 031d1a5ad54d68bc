using System.Net;

namespace Vermilion.Accounts.IpLocation;

/// <summary>Finds the province or city label of an address (IP属地).</summary>
internal interface IIpLocationLookup
{
    string? Find(IPAddress? address);
}

/// <summary>
/// Looks addresses up in a CSV file of <c>network/prefix,label</c> lines (<c>Vermilion:IpLocation:File</c>);
/// without a file every address is unknown, which the UI shows as such.
/// </summary>
internal sealed class CsvIpLocationLookup : IIpLocationLookup
{
    private readonly List<(IPNetwork Network, string Label)> _ranges = [];

    public CsvIpLocationLookup(string? file)
    {
        if (string.IsNullOrWhiteSpace(file) || !File.Exists(file))
        {
            return;
        }

        foreach (var line in File.ReadLines(file))
        {
            var parts = line.Split(',', 2, StringSplitOptions.TrimEntries);
            if (parts.Length == 2 && IPNetwork.TryParse(parts[0], out var network) && parts[1].Length is > 0 and <= 40)
            {
                _ranges.Add((network, parts[1]));
            }
        }

        // Most specific first, so a city range wins over its province.
        _ranges.Sort((a, b) => b.Network.PrefixLength.CompareTo(a.Network.PrefixLength));
    }

    public string? Find(IPAddress? address)
    {
        if (address is null)
        {
            return null;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        foreach (var (network, label) in _ranges)
        {
            if (network.Contains(address))
            {
                return label;
            }
        }

        return null;
    }
}
