namespace Vermilion.Accounts.SignIn;

/// <summary>
/// How long a run of wrong passwords makes the next attempt wait (OWASP ASVS 5.0 §6.3): per account and address,
/// a delay that doubles past a few free tries up to a quarter of an hour; per account across every address, a short
/// delay that only slows a spread-out attack and never locks the owner out.
/// </summary>
internal static class ThrottlePolicy
{
    public const int PairFreeFailures = 3;
    public static readonly TimeSpan PairMaxDelay = TimeSpan.FromMinutes(15);

    public const int AccountFreeFailures = 10;
    public static readonly TimeSpan AccountMaxDelay = TimeSpan.FromMinutes(1);

    /// <summary>The owner hears of a run of failures once, when it reaches this many.</summary>
    public const int NotifyAt = 5;

    /// <summary>A count whose last failure is older than this starts again from zero.</summary>
    public static readonly TimeSpan ForgetAfter = TimeSpan.FromHours(1);

    public static TimeSpan PairDelay(int failures) => Delay(failures, PairFreeFailures, PairMaxDelay);

    public static TimeSpan AccountDelay(int failures) => Delay(failures, AccountFreeFailures, AccountMaxDelay);

    /// <summary>One second at the threshold, doubling with every failure past it, capped.</summary>
    private static TimeSpan Delay(int failures, int free, TimeSpan max)
    {
        if (failures < free)
        {
            return TimeSpan.Zero;
        }

        var exponent = Math.Min(failures - free, 30);
        var seconds = Math.Min(1L << exponent, (long)max.TotalSeconds);
        return TimeSpan.FromSeconds(seconds);
    }
}
