using System.Collections.Concurrent;

namespace Vermilion.Commerce.FlashSales;

/// <summary>
/// An in-memory token gate in front of the database for flash sales on one node: once a sale's units are handed
/// out, thousands of late buyers are turned away without a database round trip. It only ever turns people away
/// early; the conditional decrement in the database is what guarantees no oversell (and is all that counts when
/// several nodes each keep their own gate).
/// </summary>
internal sealed class FlashGate(TimeProvider clock)
{
    private static readonly TimeSpan Recheck = TimeSpan.FromMilliseconds(500);

    private readonly ConcurrentDictionary<long, Tokens> _sales = new();

    /// <summary>Takes a token; false means sold out (or no such sale) as far as this node knows. The loader answers -1 for no sale.</summary>
    public async ValueTask<bool> TryEnterAsync(long saleId, Func<Task<int>> remainingInDatabase)
    {
        var tokens = _sales.GetOrAdd(saleId, _ => new Tokens());
        if (!tokens.Loaded || (Volatile.Read(ref tokens.Count) <= 0 && clock.GetUtcNow() - tokens.CheckedAt > Recheck))
        {
            // Units come back when unpaid orders close: look again, at most twice a second, one caller at a time.
            Task load;
            lock (tokens.Gate)
            {
                load = tokens.Pending ??= LoadAsync(tokens, remainingInDatabase);
            }

            try
            {
                await load;
            }
            finally
            {
                lock (tokens.Gate)
                {
                    if (tokens.Pending == load)
                    {
                        tokens.Pending = null;
                    }
                }
            }
        }

        if (Interlocked.Decrement(ref tokens.Count) >= 0)
        {
            return true;
        }

        Interlocked.Increment(ref tokens.Count);
        return false;
    }

    /// <summary>Whether the database said there is no such sale when the gate last looked.</summary>
    public bool IsMissing(long saleId) => _sales.TryGetValue(saleId, out var tokens) && tokens.Missing;

    /// <summary>Gives a token back when the purchase did not go through (limit reached, bad address).</summary>
    public void Leave(long saleId)
    {
        if (_sales.TryGetValue(saleId, out var tokens))
        {
            Interlocked.Increment(ref tokens.Count);
        }
    }

    /// <summary>The database said sold out: trust it until the next recheck.</summary>
    public void SoldOut(long saleId)
    {
        if (_sales.TryGetValue(saleId, out var tokens))
        {
            Volatile.Write(ref tokens.Count, 0);
            tokens.CheckedAt = clock.GetUtcNow();
        }
    }

    private async Task LoadAsync(Tokens tokens, Func<Task<int>> remainingInDatabase)
    {
        var remaining = await remainingInDatabase();
        tokens.Missing = remaining < 0;
        Volatile.Write(ref tokens.Count, Math.Max(0, remaining));
        tokens.CheckedAt = clock.GetUtcNow();
        tokens.Loaded = true;
    }

    private sealed class Tokens
    {
        public readonly Lock Gate = new();
        public int Count;
        public volatile bool Loaded;
        public volatile bool Missing;
        public DateTimeOffset CheckedAt;
        public Task? Pending;
    }
}
