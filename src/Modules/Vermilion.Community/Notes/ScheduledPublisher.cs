using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Vermilion.Community.Notes;

/// <summary>Publishes scheduled notes when their time comes (checked every 15 seconds, and on demand).</summary>
internal sealed partial class ScheduledPublisher(IServiceScopeFactory scopes, NoteRowCache rows, Feeds.NewestNotes newest, TimeProvider clock, ILogger<ScheduledPublisher> logger) : BackgroundService
{
    public async Task<int> PublishDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommunityDb>();
        var publication = scope.ServiceProvider.GetRequiredService<NotePublication>();
        var now = clock.GetUtcNow();
        var due = await db.Notes.Include(n => n.Media).Where(n => n.Status == NoteStatus.Scheduled && n.PublishAt <= now).OrderBy(n => n.PublishAt).Take(100).ToListAsync(cancellationToken);
        foreach (var note in due)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            note.Status = await VideoWait.IsWaitingAsync(db, note, cancellationToken) ? NoteStatus.Processing : NoteStatus.Published;
            if (note.Status == NoteStatus.Published)
            {
                await publication.PublishAsync(note, cancellationToken);
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            rows.Forget(note.Id);
            newest.Forget();
        }

        return due.Count;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(15), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await PublishDueAsync(stoppingToken);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                LogFailed(logger, error);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing scheduled notes failed; retrying on the next tick.")]
    private static partial void LogFailed(ILogger logger, Exception error);
}
