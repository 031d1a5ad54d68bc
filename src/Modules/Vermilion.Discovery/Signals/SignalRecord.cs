namespace Vermilion.Discovery.Signals;

/// <summary>A stored signal as the in-memory feed state reads it (no features, no feed name).</summary>
internal readonly record struct SignalRecord(long Id, long UserId, FeedEventKind Kind, long? NoteId, long? SubjectId, DateTimeOffset At, float? Value, string? Query)
{
    public static SignalRecord Of(FeedEvent e) => new(e.Id, e.UserId, e.Kind, e.NoteId, e.SubjectId, e.OccurredAt, e.Value, e.Query);
}
