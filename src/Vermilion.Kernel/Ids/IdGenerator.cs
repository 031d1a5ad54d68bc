namespace Vermilion.Kernel.Ids;

/// <summary>
/// Makes 64-bit, time-ordered ids: 41 bits of milliseconds since 2024-01-01, 10 bits of node, 12 bits of sequence.
/// Time order keeps B-tree inserts at the right edge and lets a cursor be just an id.
/// </summary>
public sealed class IdGenerator
{
    private static readonly DateTimeOffset Epoch = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private const int NodeBits = 10;
    private const int SequenceBits = 12;
    private const long MaxSequence = (1L << SequenceBits) - 1;

    private readonly TimeProvider _clock;
    private readonly long _node;
    private readonly Lock _gate = new();
    private long _lastMillis = -1;
    private long _sequence;

    public IdGenerator(TimeProvider clock, int node)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(node);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(node, 1 << NodeBits);
        _clock = clock;
        _node = node;
    }

    /// <summary>This node's number (<c>Vermilion:NodeId</c>), distinct among nodes sharing a database.</summary>
    public int Node => (int)_node;

    public long Next()
    {
        lock (_gate)
        {
            var millis = (long)(_clock.GetUtcNow() - Epoch).TotalMilliseconds;
            // A clock that steps back (NTP) or a burst past the sequence space borrows the next millisecond
            // rather than ever repeating an id.
            if (millis <= _lastMillis)
            {
                millis = _lastMillis;
                if (++_sequence > MaxSequence)
                {
                    millis++;
                    _sequence = 0;
                }
            }
            else
            {
                _sequence = 0;
            }

            _lastMillis = millis;
            return (millis << (NodeBits + SequenceBits)) | (_node << SequenceBits) | _sequence;
        }
    }

    /// <summary>The moment an id was made, to the millisecond.</summary>
    public static DateTimeOffset TimeOf(long id) => Epoch.AddMilliseconds(id >> (NodeBits + SequenceBits));
}
