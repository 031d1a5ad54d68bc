namespace Vermilion.Discovery.Training;

/// <summary>
/// The smallest signal id made at or after a moment, to read the log from a time by its primary key. Ids are the
/// kernel's: milliseconds since 2024-01-01 in the bits above the node and sequence bits (22 of them).
/// </summary>
internal static class SignalIds
{
    private static readonly DateTimeOffset Epoch = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static long Floor(DateTimeOffset at) => at <= Epoch ? 0 : (long)(at - Epoch).TotalMilliseconds << 22;
}
