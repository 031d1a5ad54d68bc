namespace Vermilion.Kernel.Events;

/// <summary>An event written in the same transaction as the change that caused it, waiting to be delivered.</summary>
public sealed class OutboxMessage
{
    public long Id { get; init; }

    public required string Type { get; init; }

    public required string Payload { get; init; }

    public DateTimeOffset OccurredAt { get; init; }

    public DateTimeOffset? DeliveredAt { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset? NextAttemptAt { get; set; }

    public string? LastError { get; set; }
}

/// <summary>Marks that one handler has already applied one message: the inbox half of exactly-once effects.</summary>
public sealed class ProcessedEvent
{
    public required string Handler { get; init; }

    public long MessageId { get; init; }

    public DateTimeOffset ProcessedAt { get; init; }
}
