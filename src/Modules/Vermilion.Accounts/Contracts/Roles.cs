namespace Vermilion.Accounts.Contracts;

/// <summary>The platform's roles. Everyone is a user; the others are granted.</summary>
public static class Roles
{
    public const string User = "user";
    public const string Creator = "creator";
    public const string Merchant = "merchant";
    public const string Mcn = "mcn";
    public const string Moderator = "moderator";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [User, Creator, Merchant, Mcn, Moderator, Admin];
}
