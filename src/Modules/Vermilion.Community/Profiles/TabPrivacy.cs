using Microsoft.EntityFrameworkCore;

namespace Vermilion.Community.Profiles;

/// <summary>Whether a person shows others the notes they collected and liked (the profile's 收藏 and 赞过 tabs).</summary>
internal sealed class TabPrivacy
{
    public long UserId { get; init; }

    public bool CollectedPrivate { get; set; }

    public bool LikedPrivate { get; set; }
}

public sealed record TabPrivacyView(bool CollectedPrivate, bool LikedPrivate);

/// <summary>Reads and sets the tab privacy; someone who never chose shows both tabs.</summary>
internal sealed class TabPrivacySettings(CommunityDb db)
{
    public async Task<TabPrivacyView> GetAsync(long userId, CancellationToken cancellationToken)
    {
        var row = await db.TabPrivacy.AsNoTracking().FirstOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        return new TabPrivacyView(row?.CollectedPrivate ?? false, row?.LikedPrivate ?? false);
    }

    /// <summary>True when <paramref name="viewer"/> may not see the owner's tab ("collected" or "liked").</summary>
    public async Task<bool> HiddenFromAsync(long ownerId, long? viewer, string tab, CancellationToken cancellationToken)
    {
        if (viewer == ownerId || tab is not ("collected" or "liked"))
        {
            return false;
        }

        var settings = await GetAsync(ownerId, cancellationToken);
        return tab == "collected" ? settings.CollectedPrivate : settings.LikedPrivate;
    }

    public async Task<TabPrivacyView> SetAsync(long userId, TabPrivacyView wanted, CancellationToken cancellationToken)
    {
        var row = await db.TabPrivacy.FirstOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        if (row is null)
        {
            db.TabPrivacy.Add(new TabPrivacy { UserId = userId, CollectedPrivate = wanted.CollectedPrivate, LikedPrivate = wanted.LikedPrivate });
        }
        else
        {
            (row.CollectedPrivate, row.LikedPrivate) = (wanted.CollectedPrivate, wanted.LikedPrivate);
        }

        await db.SaveChangesAsync(cancellationToken);
        return wanted;
    }
}
