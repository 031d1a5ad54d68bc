using Microsoft.EntityFrameworkCore;

namespace Vermilion.Discovery.Catalog;

/// <summary>A small named value the feed keeps for itself (when the community's interactions were caught up, say).</summary>
internal sealed class FeedSetting
{
    public string Key { get; set; } = "";

    public string Value { get; set; } = "";
}

internal static class FeedSettings
{
    public const string NotesCaughtUpThrough = "notes-caught-up-through";
    public const string InteractionsCaughtUpAt = "interactions-caught-up-at";

    public static async Task<string?> GetAsync(this FeedDb db, string key, CancellationToken cancellationToken) =>
        (await db.Settings.AsNoTracking().FirstOrDefaultAsync(s => s.Key == key, cancellationToken))?.Value;

    public static async Task SetAsync(this FeedDb db, string key, string value, CancellationToken cancellationToken)
    {
        var setting = await db.Settings.FirstOrDefaultAsync(s => s.Key == key, cancellationToken);
        if (setting is null)
        {
            db.Settings.Add(new FeedSetting { Key = key, Value = value });
        }
        else
        {
            setting.Value = value;
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }
}
