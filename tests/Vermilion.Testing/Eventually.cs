namespace Vermilion.Testing;

/// <summary>
/// Waits for something that happens in the background (an outbox event delivered, a push received): checks
/// again and again until it holds, and fails with the last observation if it never does.
/// </summary>
public static class Eventually
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public static async Task<T> ValueAsync<T>(Func<Task<T>> observe, Func<T, bool> holds, string what)
    {
        ArgumentNullException.ThrowIfNull(observe);
        ArgumentNullException.ThrowIfNull(holds);
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var value = await observe();
            if (holds(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Still not true after {Patience.TotalSeconds}s: {what}. Last seen: {value}");
            }

            await Task.Delay(50);
        }
    }
}
