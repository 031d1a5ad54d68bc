namespace Vermilion.Community.Contracts;

/// <summary>Who follows and who blocks whom, for ranking and filtering outside the community module.</summary>
public interface ISocialGraph
{
    /// <summary>The people <paramref name="userId"/> follows.</summary>
    Task<IReadOnlyList<long>> FollowingAsync(long userId, CancellationToken cancellationToken);

    /// <summary>Everyone on either side of a block with <paramref name="userId"/>: their content never reaches each other.</summary>
    Task<IReadOnlySet<long>> BlockedEitherWayAsync(long userId, CancellationToken cancellationToken);
}
