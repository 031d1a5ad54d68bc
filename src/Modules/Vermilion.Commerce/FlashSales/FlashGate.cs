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

    /// <summary>
    /// Takes a token and answers the sale (whose terms never change, so the gate keeps them); null means sold out
    /// (or no such sale) as far as this node knows. The loader reads the sale with its units left, or null.
    /// </summary>
    public async ValueTask<FlashSale?> TryEnterAsync(long saleId, Func<Task<FlashSale?>> load)
    {
        var tokens = _sales.GetOrAdd(saleId, _ => new Tokens());
        if (!tokens.Loaded || (Volatile.Read(ref tokens.Count) <= 0 && clock.GetUtcNow() - tokens.CheckedAt > Recheck))
        {
            // Units come back when unpaid orders close: look again, at most twice a second, one caller at a time.
            Task loading;
            lock (tokens.Gate)
            {
                loading = tokens.Pending ??= LoadAsync(tokens, load);
            }

            try
            {
                await loading;
            }
            finally
            {
                lock (tokens.Gate)
                {
                    if (tokens.Pending == loading)
                    {
                        tokens.Pending = null;
                    }
                }
            }
        }

        if (Interlocked.Decrement(ref tokens.Count) >= 0)
        {
            return tokens.Sale;
        }

        Interlocked.Increment(ref tokens.Count);
        return null;
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

    private async Task LoadAsync(Tokens tokens, Func<Task<FlashSale?>> load)
    {
        var sale = await load();
        tokens.Sale = sale;
        tokens.Missing = sale is null;
        Volatile.Write(ref tokens.Count, sale?.Remaining ?? 0);
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
        public volatile FlashSale? Sale;
        public Task? Pending;
    }
}
