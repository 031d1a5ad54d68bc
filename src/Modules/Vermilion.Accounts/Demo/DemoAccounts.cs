using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Vermilion.Accounts.Contracts;
using Vermilion.Accounts.Profiles;
using Vermilion.Accounts.Users;
using Vermilion.Kernel.Ids;

namespace Vermilion.Accounts.Demo;

/// <summary>
/// Demo people for a new installation: <c>demo</c> and <c>admin</c> to sign in with, and a crowd with varied
/// nicknames, bios, cities and interests. Deterministic: the same count gives the same people.
/// </summary>
internal sealed class DemoAccounts(AccountsDb db, IdGenerator ids, TimeProvider clock, IPasswordHasher<User> hasher) : IDemoAccounts
{
    public const string DemoUsername = "demo";
    public const string AdminUsername = "admin";
    public const string DemoPassword = "vermilion-demo-2026";
    private const int BatchSize = 2000;

    public async Task<IReadOnlyList<long>> EnsureAsync(int count, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var existing = await db.Users.Where(u => u.NormalizedUsername.StartsWith("user") || u.NormalizedUsername == DemoUsername)
            .OrderBy(u => u.Id).Select(u => u.Id).ToListAsync(cancellationToken);
        if (existing.Count >= count)
        {
            return existing;
        }

        var random = new Random(20261122);
        var now = clock.GetUtcNow();
        // One hash for every demo account: hashing is deliberately slow, and these share a published password.
        var template = new User { Username = DemoUsername, NormalizedUsername = DemoUsername, PasswordHash = "" };
        var hash = hasher.HashPassword(template, DemoPassword);
        var created = new List<long>(existing);
        if (existing.Count == 0)
        {
            created.Add(Add(DemoUsername, "小红薯体验官", "第一次来？从这里开始逛逛吧 🌷", 0, hash, now, random));
            var admin = Add(AdminUsername, "社区管理员", "维护社区秩序，欢迎反馈问题", 1, hash, now, random);
            db.UserRoles.AddRange(
                new UserRole { UserId = admin, Role = Contracts.Roles.Admin, GrantedAt = now },
                new UserRole { UserId = admin, Role = Contracts.Roles.Moderator, GrantedAt = now });
        }

        for (var i = created.Count; i < count; i++)
        {
            var nickname = DemoNames.Moods[random.Next(DemoNames.Moods.Length)] + DemoNames.Beings[random.Next(DemoNames.Beings.Length)];
            var bio = DemoNames.Bios[random.Next(DemoNames.Bios.Length)];
            created.Add(Add($"user{i:D5}", nickname, bio, i, hash, now.AddMinutes(-random.Next(0, 60 * 24 * 365)), random));
            if (i % BatchSize == 0)
            {
                await SaveBatchAsync(cancellationToken);
                progress?.Report(i);
            }
        }

        await SaveBatchAsync(cancellationToken);
        progress?.Report(count);
        return created;
    }

    private async Task SaveBatchAsync(CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    private long Add(string username, string nickname, string bio, int index, string hash, DateTimeOffset joined, Random random)
    {
        var id = ids.Next();
        var city = random.Next(DemoNames.Cities.Length);
        db.Users.Add(new User
        {
            Id = id,
            Username = username,
            NormalizedUsername = username,
            PasswordHash = hash,
            CreatedAt = joined,
        });
        db.Profiles.Add(new Profile
        {
            UserId = id,
            Nickname = nickname,
            Bio = bio,
            Gender = (Gender)(index % 5 == 0 ? 2 : index % 7 == 0 ? 0 : 1),
            City = DemoNames.Cities[city],
            IpLocation = DemoNames.Provinces[city],
            Interests = string.Join(',', Interests.Offered.OrderBy(_ => random.Next()).Take(random.Next(2, 5))),
            UpdatedAt = joined,
        });
        return id;
    }
}
