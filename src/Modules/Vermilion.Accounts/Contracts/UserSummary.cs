namespace Vermilion.Accounts.Contracts;

/// <summary>
/// How a person appears anywhere on the platform: beside a note, a comment, a product, a message. A closed account
/// (<paramref name="Closed"/>) keeps its id but shows a neutral name and the default avatar.
/// </summary>
public sealed record UserSummary(
    long Id,
    string PublicId,
    string Username,
    string Nickname,
    string AvatarUrl,
    string? IpLocation,
    IReadOnlyList<string> Roles,
    bool Closed = false);

/// <summary>The header of a person's homepage: who they are, in their own words.</summary>
public sealed record PublicProfile(
    UserSummary Summary,
    string Bio,
    string Gender,
    string City,
    IReadOnlyList<string> Interests,
    DateTimeOffset JoinedAt);

/// <summary>Looks people up by id for other modules.</summary>
public interface IUserDirectory
{
    Task<UserSummary?> FindAsync(long userId, CancellationToken cancellationToken);

    Task<IReadOnlyDictionary<long, UserSummary>> FindManyAsync(IReadOnlyCollection<long> userIds, CancellationToken cancellationToken);

    Task<long?> FindIdByUsernameAsync(string username, CancellationToken cancellationToken);

    Task<PublicProfile?> ProfileAsync(long userId, CancellationToken cancellationToken);

    /// <summary>The people who joined most recently, newest first.</summary>
    Task<IReadOnlyList<UserSummary>> NewestAsync(int count, CancellationToken cancellationToken);
}
