using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Vermilion.Commerce.Orders;
using Vermilion.Kernel.Errors;
using Vermilion.Kernel.Ids;

namespace Vermilion.Commerce.Addresses;

public sealed record AddressView(string Id, string Name, string Phone, string Region, string City, string Line, bool IsDefault);

/// <summary>A person's address book: add, list, remove; one address is the default.</summary>
internal sealed class AddressBook(CommerceDb db, IdGenerator ids, TimeProvider clock, IStringLocalizer text)
{
    public async Task<Outcome<AddressView>> AddAsync(long userId, AddressRequest request, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var clean = AddressRules.Check(request, "address", errors, text);
        if (!errors.IsEmpty)
        {
            // Field names without the prefix: on the address book's own form they are the fields themselves.
            var plain = new FieldErrors();
            foreach (var (field, messages) in errors.All)
            {
                foreach (var message in messages)
                {
                    plain.Add(field.Replace("address.", "", StringComparison.Ordinal), message);
                }
            }

            return Failure.Invalid(plain, text["common.invalid"]);
        }

        var count = await db.Addresses.CountAsync(a => a.UserId == userId, cancellationToken);
        if (count >= Address.PerPersonMax)
        {
            return Failure.Invalid("name", text["commerce.address.full", Address.PerPersonMax]);
        }

        var isDefault = clean!.IsDefault || count == 0;
        if (isDefault)
        {
            await db.Addresses.Where(a => a.UserId == userId).ExecuteUpdateAsync(u => u.SetProperty(a => a.IsDefault, false), cancellationToken);
        }

        var address = new Address
        {
            Id = ids.Next(), UserId = userId, Name = clean.Name!, Phone = clean.Phone!, Region = clean.Region!, City = clean.City!, Line = clean.Line!,
            IsDefault = isDefault, CreatedAt = clock.GetUtcNow(),
        };
        db.Addresses.Add(address);
        await db.SaveChangesAsync(cancellationToken);
        return View(address);
    }

    public async Task<IReadOnlyList<AddressView>> ListAsync(long userId, CancellationToken cancellationToken) =>
        [.. (await db.Addresses.AsNoTracking().Where(a => a.UserId == userId).OrderByDescending(a => a.IsDefault).ThenByDescending(a => a.Id).ToListAsync(cancellationToken)).Select(View)];

    public async Task<bool> RemoveAsync(long userId, long addressId, CancellationToken cancellationToken) =>
        await db.Addresses.Where(a => a.Id == addressId && a.UserId == userId).ExecuteDeleteAsync(cancellationToken) == 1;

    private static AddressView View(Address a) => new(ShortId.Encode(a.Id), a.Name, a.Phone, a.Region, a.City, a.Line, a.IsDefault);
}
