using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Vermilion.Accounts.Migrations;

/// <summary>Wrong passwords slow the next attempt per account and address instead of locking the account.</summary>
[DbContext(typeof(AccountsDb))]
[Migration("202612010001_AccountsSignInThrottles")]
internal sealed class M0003_SignInThrottles : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "accounts_sign_in_throttles",
            columns: table => new
            {
                user_id = table.Column<long>(nullable: false),
                address = table.Column<string>(maxLength: 50, nullable: false),
                failures = table.Column<int>(nullable: false),
                first_failure_at = table.Column<DateTime>(nullable: true),
                last_failure_at = table.Column<DateTime>(nullable: true),
                blocked_until = table.Column<DateTime>(nullable: true),
                trusted = table.Column<bool>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_accounts_sign_in_throttles", x => new { x.user_id, x.address }));

        // Plain SQL: EF's SQLite provider refuses DropColumn, while SQLite itself (3.35+) and PostgreSQL both drop in place.
        migrationBuilder.Sql("ALTER TABLE accounts_users DROP COLUMN failed_sign_ins");
        migrationBuilder.Sql("ALTER TABLE accounts_users DROP COLUMN locked_until");
    }
}
