using Vermilion.Accounts.Users;
using Vermilion.Kernel.Ids;
using Vermilion.Kernel.Media;

namespace Vermilion.Accounts.Profiles;

/// <summary>A person's public profile as the API returns it.</summary>
public sealed record UserView(
    string Id,
    string Username,
    string Nickname,
    string AvatarUrl,
    string Bio,
    string Gender,
    string City,
    IReadOnlyList<string> Interests,
    string? IpLocation,
    IReadOnlyList<string> Roles,
    DateTimeOffset JoinedAt);

/// <summary>The signed-in person's own account: the public profile plus what only they see.</summary>
public sealed record MeView(UserView Profile, string? Email, DateOnly? Birthday);

internal static class UserViews
{
    public static string AvatarUrl(long userId, string? avatarKey) =>
        avatarKey is null ? $"/avatars/{ShortId.Encode(userId)}.svg" : Renditions.Url($"/media/{avatarKey}", Rendition.Card);

    public static UserView ToView(User user, Profile profile) => new(
        ShortId.Encode(user.Id),
        user.Username,
        profile.Nickname,
        AvatarUrl(user.Id, profile.AvatarKey),
        profile.Bio,
        profile.Gender.ToString().ToLowerInvariant(),
        profile.City,
        profile.InterestList,
        profile.IpLocation,
        ["user", .. user.Roles.Select(r => r.Role)],
        user.CreatedAt);

    public static MeView ToMe(User user, Profile profile) => new(ToView(user, profile), user.Email, profile.Birthday);
}
