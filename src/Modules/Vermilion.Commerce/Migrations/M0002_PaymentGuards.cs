using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Vermilion.Commerce.Migrations;

/// <summary>
/// Guards that the database holds rather than the code's good intentions: one open payment per checkout, one open
/// sandbox charge per payment, one open after-sales request per order (with what each request really refunded), and
/// a claim on each sandbox notification so one sender delivers it at a time. Twins that the old code let through are
/// cancelled first, keeping the oldest, so the unique indexes can be built on an existing installation.
/// </summary>
[DbContext(typeof(CommerceDb))]
[Migration("202612030001_CommercePaymentGuards")]
internal sealed class M0002_PaymentGuards : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql(
            "UPDATE commerce_payments SET status = 3 WHERE status = 0 AND id NOT IN (SELECT MIN(id) FROM commerce_payments WHERE status = 0 GROUP BY checkout_id)");
        migrationBuilder.CreateIndex("IX_commerce_payments_checkout_id_open", "commerce_payments", "checkout_id", unique: true, filter: "status = 0");

        migrationBuilder.Sql(
            "UPDATE commerce_sandbox_charges SET status = 3 WHERE status = 0 AND id NOT IN (SELECT MIN(id) FROM commerce_sandbox_charges WHERE status = 0 GROUP BY reference)");
        migrationBuilder.CreateIndex("IX_commerce_sandbox_charges_reference_open", "commerce_sandbox_charges", "reference", unique: true, filter: "status = 0");

        migrationBuilder.AddColumn<DateTime>(name: "claimed_until", table: "commerce_sandbox_notifications", nullable: true);
        migrationBuilder.AddColumn<int>(name: "claimed_by", table: "commerce_sandbox_notifications", nullable: true);

        migrationBuilder.AddColumn<long>(name: "refunded", table: "commerce_after_sales", nullable: false, defaultValue: 0L);
        if (migrationBuilder.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL")
        {
            // The default only fills the rows that exist; new rows always say what they refunded, as the model has it.
            migrationBuilder.Sql("ALTER TABLE commerce_after_sales ALTER COLUMN refunded DROP DEFAULT");
        }

        migrationBuilder.Sql(
            "UPDATE commerce_after_sales SET refunded = COALESCE((SELECT SUM(r.amount) FROM commerce_refunds r WHERE r.after_sale_id = commerce_after_sales.id), 0)");
        migrationBuilder.Sql(
            $"UPDATE commerce_after_sales SET status = 6 WHERE {AfterSales.AfterSale.OpenFilter} AND id NOT IN (SELECT MIN(id) FROM commerce_after_sales WHERE {AfterSales.AfterSale.OpenFilter} GROUP BY order_id)");
        migrationBuilder.CreateIndex("IX_commerce_after_sales_order_id_open", "commerce_after_sales", "order_id", unique: true, filter: AfterSales.AfterSale.OpenFilter);
    }
}
