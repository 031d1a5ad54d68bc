using Microsoft.EntityFrameworkCore;
using Vermilion.Accounts.Profiles;
using Vermilion.Accounts.Sessions;
using Vermilion.Accounts.SignIn;
using Vermilion.Accounts.Users;
using Vermilion.Kernel.Persistence;

namespace Vermilion.Accounts;

internal sealed class AccountsDb(DbContextOptions<AccountsDb> options) : ModuleDbContext(options)
{
    public const string TablePrefix = "accounts";

    public override string Prefix => TablePrefix;

    public DbSet<User> Users => Set<User>();

    public DbSet<UserRole> UserRoles => Set<UserRole>();

    public DbSet<Session> Sessions => Set<Session>();

    public DbSet<Profile> Profiles => Set<Profile>();

    public DbSet<SignInThrottle> SignInThrottles => Set<SignInThrottle>();

    protected override void ConfigureModule(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<User>(e =>
        {
            e.ToTable("accounts_users");
            e.Property(u => u.Id).ValueGeneratedNever();
            e.Property(u => u.Username).HasMaxLength(32);
            e.Property(u => u.NormalizedUsername).HasMaxLength(32);
            e.Property(u => u.Email).HasMaxLength(254);
            e.Property(u => u.NormalizedEmail).HasMaxLength(254);
            e.Property(u => u.PasswordHash).HasMaxLength(256);
            e.HasIndex(u => u.NormalizedUsername).IsUnique();
            e.HasIndex(u => u.NormalizedEmail).IsUnique();
            e.HasMany(u => u.Roles).WithOne().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<UserRole>(e =>
        {
            e.ToTable("accounts_user_roles");
            e.HasKey(r => new { r.UserId, r.Role });
            e.Property(r => r.Role).HasMaxLength(20);
        });
        modelBuilder.Entity<Session>(e =>
        {
            e.ToTable("accounts_sessions");
            e.Property(s => s.Id).ValueGeneratedNever();
            e.Property(s => s.TokenHash).HasMaxLength(64);
            e.Property(s => s.UserAgent).HasMaxLength(300);
            e.HasIndex(s => s.TokenHash).IsUnique();
            e.HasIndex(s => s.UserId);
        });
        modelBuilder.Entity<Profile>(e =>
        {
            e.ToTable("accounts_profiles");
            e.HasKey(p => p.UserId);
            e.Property(p => p.UserId).ValueGeneratedNever();
            e.Property(p => p.Nickname).HasMaxLength(Profile.NicknameMax);
            e.Property(p => p.AvatarKey).HasMaxLength(80);
            e.Property(p => p.Bio).HasMaxLength(Profile.BioMax * 2);
            e.Property(p => p.City).HasMaxLength(Profile.CityMax);
            e.Property(p => p.Interests).HasMaxLength(200);
            e.Property(p => p.IpLocation).HasMaxLength(40);
            e.Ignore(p => p.InterestList);
        });
        modelBuilder.Entity<SignInThrottle>(e =>
        {
            e.ToTable("accounts_sign_in_throttles");
            e.HasKey(t => new { t.UserId, t.Address });
            e.Property(t => t.Address).HasMaxLength(ThrottleAddress.MaxLength);
        });
    }
}
