namespace Vermilion.Accounts.Contracts;

/// <summary>Demo accounts for a new installation; other modules build their demo content on these people.</summary>
public interface IDemoAccounts
{
    /// <summary>Creates <paramref name="count"/> demo people (idempotent: does nothing if they exist) and returns their ids.</summary>
    Task<IReadOnlyList<long>> EnsureAsync(int count, IProgress<int>? progress, CancellationToken cancellationToken);
}
