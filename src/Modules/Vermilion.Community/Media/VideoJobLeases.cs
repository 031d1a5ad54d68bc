using Microsoft.EntityFrameworkCore;

namespace Vermilion.Community.Media;

/// <summary>
/// Claiming and holding video jobs across nodes with nothing but the database: a claim is one conditional update
/// ("take it if its lease is free"), so of two nodes racing for a job exactly one sees its update count one row.
/// </summary>
internal static class VideoJobLeases
{
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    public static async Task<VideoJob?> ClaimAsync(CommunityDb db, string owner, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var candidates = await db.VideoJobs.AsNoTracking()
            .Where(j => j.FinishedAt == null && j.Attempts < VideoJob.MaxAttempts && (j.LeaseUntil == null || j.LeaseUntil < now))
            .OrderBy(j => j.MediaId).Select(j => j.MediaId).Take(5).ToListAsync(cancellationToken);
        var until = now + Lease;
        foreach (var id in candidates)
        {
            var claimed = await db.VideoJobs
                .Where(j => j.MediaId == id && j.FinishedAt == null && (j.LeaseUntil == null || j.LeaseUntil < now))
                .ExecuteUpdateAsync(s => s
                    .SetProperty(j => j.LeaseOwner, owner)
                    .SetProperty(j => j.LeaseUntil, until)
                    .SetProperty(j => j.Attempts, j => j.Attempts + 1), cancellationToken);
            if (claimed == 1)
            {
                return await db.VideoJobs.AsNoTracking().FirstAsync(j => j.MediaId == id, cancellationToken);
            }
        }

        return null;
    }

    /// <summary>Records progress and renews the lease; false when the lease was lost (another node holds the job now).</summary>
    public static async Task<bool> ReportAsync(CommunityDb db, long mediaId, string owner, int percent, DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.VideoJobs
            .Where(j => j.MediaId == mediaId && j.LeaseOwner == owner && j.FinishedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Progress, percent).SetProperty(j => j.LeaseUntil, now + Lease), cancellationToken) == 1;

    /// <summary>Gives a failed attempt back, for another try at once (by any node).</summary>
    public static Task ReleaseAsync(CommunityDb db, long mediaId, string owner, string error, CancellationToken cancellationToken) =>
        db.VideoJobs
            .Where(j => j.MediaId == mediaId && j.LeaseOwner == owner)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseUntil, (DateTimeOffset?)null).SetProperty(j => j.Error, error), cancellationToken);
}
