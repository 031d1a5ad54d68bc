using Microsoft.Extensions.Localization;
using Vermilion.Commerce.Orders;
using Vermilion.Kernel.Errors;

namespace Vermilion.Commerce.Addresses;

/// <summary>What a delivery address must hold; shared by the address book and an address typed at checkout.</summary>
internal static class AddressRules
{
    public static AddressRequest? Check(AddressRequest? address, string prefix, FieldErrors errors, IStringLocalizer text)
    {
        if (address is null)
        {
            errors.Add(prefix, text["commerce.address.required"]);
            return null;
        }

        var clean = new AddressRequest(Trim(address.Name), Trim(address.Phone), Trim(address.Region), Trim(address.City), Trim(address.Line), address.IsDefault);
        Require(clean.Name, 20, prefix + ".name", errors, text);
        Require(clean.Region, 10, prefix + ".region", errors, text);
        Require(clean.City, 20, prefix + ".city", errors, text);
        Require(clean.Line, 120, prefix + ".line", errors, text);
        if (clean.Phone!.Length is < 5 or > 20 || !clean.Phone.All(c => char.IsAsciiDigit(c) || c is '+' or '-' or ' '))
        {
            errors.Add(prefix + ".phone", text["commerce.address.phone"]);
        }

        return clean;
    }

    private static void Require(string? value, int max, string field, FieldErrors errors, IStringLocalizer text)
    {
        if (string.IsNullOrEmpty(value))
        {
            errors.Add(field, text["commerce.field.required"]);
        }
        else if (value.Length > max)
        {
            errors.Add(field, text["commerce.field.too_long", max]);
        }
    }

    private static string Trim(string? value) => (value ?? "").Trim();
}
