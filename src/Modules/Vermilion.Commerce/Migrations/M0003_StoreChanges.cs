using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Vermilion.Commerce.Migrations;

/// <summary>A store's licence, and the change of name, kind or licence an approved store waits on.</summary>
[DbContext(typeof(CommerceDb))]
[Migration("202612030002_CommerceStoreChanges")]
internal sealed class M0003_StoreChanges : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(name: "licence", table: "commerce_stores", maxLength: 18, nullable: true);
        migrationBuilder.AddColumn<string>(name: "pending_name", table: "commerce_stores", maxLength: 60, nullable: true);
        migrationBuilder.AddColumn<int>(name: "pending_kind", table: "commerce_stores", nullable: true);
        migrationBuilder.AddColumn<string>(name: "pending_licence", table: "commerce_stores", maxLength: 18, nullable: true);
        migrationBuilder.AddColumn<DateTime>(name: "change_requested_at", table: "commerce_stores", nullable: true);
    }
}
