using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Vermilion.Accounts.Migrations;

[DbContext(typeof(AccountsDb))]
[Migration("202611240001_AccountsClosing")]
internal sealed class M0002_AccountClosing : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<DateTime>(name: "deleted_at", table: "accounts_users", nullable: true);
}
