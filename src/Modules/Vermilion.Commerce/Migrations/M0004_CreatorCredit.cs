using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Vermilion.Commerce.Migrations;

/// <summary>
/// Orders record whether the note's author is credited (commerce_orders.creator_credit). Orders already placed
/// are classified from what they hold; open ones whose note was the buyer's own or the store's own stop crediting
/// anyone, as they would be placed today. Completed orders keep the settlement they already booked.
/// </summary>
[DbContext(typeof(CommerceDb))]
[Migration("202612030003_CommerceCreatorCredit")]
internal sealed class M0004_CreatorCredit : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<int>(name: "creator_credit", table: "commerce_orders", nullable: false, defaultValue: 0);
        if (migrationBuilder.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL")
        {
            // The model has no default: every order states its credit when placed.
            migrationBuilder.Sql("ALTER TABLE commerce_orders ALTER COLUMN creator_credit DROP DEFAULT;");
        }

        migrationBuilder.Sql("UPDATE commerce_orders SET creator_credit = 2 WHERE creator_id IS NOT NULL AND creator_id = buyer_id;");
        migrationBuilder.Sql("UPDATE commerce_orders SET creator_credit = 3 WHERE creator_id IS NOT NULL AND creator_credit = 0 " +
            "AND creator_id IN (SELECT s.owner_id FROM commerce_stores s WHERE s.id = commerce_orders.store_id);");
        migrationBuilder.Sql("UPDATE commerce_orders SET creator_credit = 1 WHERE creator_id IS NOT NULL AND creator_credit = 0;");
        migrationBuilder.Sql("UPDATE commerce_orders SET creator_id = NULL, commission_basis_points = 0 " +
            "WHERE creator_credit IN (2, 3) AND status IN (0, 1, 2, 3);");
    }
}
