using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Vermilion.Kernel.Persistence;

namespace Vermilion.Accounts.Migrations;

[DbContext(typeof(AccountsDb))]
[Migration("202611220001_AccountsInitial")]
internal sealed class M0001_Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        OutboxTables.Create(migrationBuilder, AccountsDb.TablePrefix);

        migrationBuilder.CreateTable(
            name: "accounts_users",
            columns: table => new
            {
                id = table.Column<long>(nullable: false),
                username = table.Column<string>(maxLength: 32, nullable: false),
                normalized_username = table.Column<string>(maxLength: 32, nullable: false),
                email = table.Column<string>(maxLength: 254, nullable: true),
                normalized_email = table.Column<string>(maxLength: 254, nullable: true),
                password_hash = table.Column<string>(maxLength: 256, nullable: false),
                failed_sign_ins = table.Column<int>(nullable: false),
                locked_until = table.Column<DateTime>(nullable: true),
                created_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_accounts_users", x => x.id));
        migrationBuilder.CreateIndex("IX_accounts_users_normalized_username", "accounts_users", "normalized_username", unique: true);
        migrationBuilder.CreateIndex("IX_accounts_users_normalized_email", "accounts_users", "normalized_email", unique: true);

        migrationBuilder.CreateTable(
            name: "accounts_user_roles",
            columns: table => new
            {
                user_id = table.Column<long>(nullable: false),
                role = table.Column<string>(maxLength: 20, nullable: false),
                granted_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_accounts_user_roles", x => new { x.user_id, x.role });
                table.ForeignKey("FK_accounts_user_roles_accounts_users_user_id", x => x.user_id, "accounts_users", "id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "accounts_sessions",
            columns: table => new
            {
                id = table.Column<long>(nullable: false),
                user_id = table.Column<long>(nullable: false),
                kind = table.Column<int>(nullable: false),
                token_hash = table.Column<string>(maxLength: 64, nullable: true),
                created_at = table.Column<DateTime>(nullable: false),
                expires_at = table.Column<DateTime>(nullable: false),
                revoked_at = table.Column<DateTime>(nullable: true),
                user_agent = table.Column<string>(maxLength: 300, nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_accounts_sessions", x => x.id));
        migrationBuilder.CreateIndex("IX_accounts_sessions_token_hash", "accounts_sessions", "token_hash", unique: true);
        migrationBuilder.CreateIndex("IX_accounts_sessions_user_id", "accounts_sessions", "user_id");

        migrationBuilder.CreateTable(
            name: "accounts_profiles",
            columns: table => new
            {
                user_id = table.Column<long>(nullable: false),
                nickname = table.Column<string>(maxLength: 24, nullable: false),
                avatar_key = table.Column<string>(maxLength: 80, nullable: true),
                bio = table.Column<string>(maxLength: 200, nullable: false),
                gender = table.Column<int>(nullable: false),
                birthday = table.Column<DateOnly>(nullable: true),
                city = table.Column<string>(maxLength: 40, nullable: false),
                interests = table.Column<string>(maxLength: 200, nullable: false),
                ip_location = table.Column<string>(maxLength: 40, nullable: true),
                updated_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_accounts_profiles", x => x.user_id));
    }
}
