using Microsoft.EntityFrameworkCore;
using Vermilion.Kernel.Ids;

namespace Vermilion.Commerce.Images;

/// <summary>A picture someone uploaded for commerce: a product photo, a review photo, after-sales evidence.</summary>
internal sealed class CommerceImage
{
    public long Id { get; init; }

    public long OwnerId { get; init; }

    public required string Key { get; init; }

    public int Width { get; init; }

    public int Height { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}

internal static class ImageLookup
{
    /// <summary>The media keys of the uploads named, in order, if every one is the owner's; otherwise null.</summary>
    public static async Task<List<string>?> KeysAsync(CommerceDb db, long ownerId, IReadOnlyList<string> imageIds, CancellationToken cancellationToken)
    {
        if (imageIds.Count == 0)
        {
            return [];
        }

        var wanted = imageIds.Select(i => ShortId.TryDecode(i, out var id) ? id : -1).ToList();
        if (wanted.Distinct().Count() != wanted.Count)
        {
            return null;
        }

        var found = await db.Images.AsNoTracking().Where(i => wanted.Contains(i.Id) && i.OwnerId == ownerId).ToDictionaryAsync(i => i.Id, i => i.Key, cancellationToken);
        return found.Count == wanted.Count ? [.. wanted.Select(id => found[id])] : null;
    }
}
