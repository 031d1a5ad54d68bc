using Microsoft.EntityFrameworkCore.Migrations;

namespace Vermilion.Commerce.Migrations;

internal sealed partial class M0001_Initial
{
    private static void CreateMoney(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "commerce_payments",
            columns: table => new
            {
                id = table.Column<long>(nullable: false),
                amount = table.Column<long>(nullable: false),
                buyer_id = table.Column<long>(nullable: false),
                checkout_id = table.Column<long>(nullable: false),
                completed_at = table.Column<DateTime>(nullable: true),
                created_at = table.Column<DateTime>(nullable: false),
                idempotency_key = table.Column<string>(maxLength: 100, nullable: true),
                provider = table.Column<string>(maxLength: 20, nullable: false),
                provider_ref = table.Column<string>(maxLength: 64, nullable: true),
                status = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_commerce_payments", x => x.id));
        migrationBuilder.CreateIndex("IX_commerce_payments_checkout_id", "commerce_payments", "checkout_id");
        migrationBuilder.CreateIndex("IX_commerce_payments_buyer_id_idempotency_key", "commerce_payments", ["buyer_id", "idempotency_key"], unique: true);

        migrationBuilder.CreateTable(
            name: "commerce_payment_orders",
            columns: table => new
            {
                payment_id = table.Column<long>(nullable: false),
                order_id = table.Column<long>(nullable: false),
                amount = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_commerce_payment_orders", x => new { x.payment_id, x.order_id }));
        migrationBuilder.CreateIndex("IX_commerce_payment_orders_order_id", "commerce_payment_orders", "order_id");

        migrationBuilder.CreateTable(
            name: "commerce_refunds",
            columns: table => new
            {
                id = table.Column<long>(nullable: false),
                after_sale_id = table.Column<long>(nullable: true),
                amount = table.Column<long>(nullable: false),
                completed_at = table.Column<DateTime>(nullable: true),
                created_at = table.Column<DateTime>(nullable: false),
                key = table.Column<string>(maxLength: 80, nullable: false),
                order_id = table.Column<long>(nullable: false),
                payment_id = table.Column<long>(nullable: false),
                provider_ref = table.Column<string>(maxLength: 64, nullable: true),
                reason = table.Column<string>(maxLength: 40, nullable: false),
                status = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_commerce_refunds", x => x.id));
        migrationBuilder.CreateIndex("IX_commerce_refunds_key", "commerce_refunds", "key", unique: true);
        migrationBuilder.CreateIndex("IX_commerce_refunds_order_id", "commerce_refunds", "order_id");
        migrationBuilder.CreateIndex("IX_commerce_refunds_status", "commerce_refunds", "status");

        migrationBuilder.CreateTable(
            name: "commerce_provider_events",
            columns: table => new
            {
                event_id = table.Column<string>(maxLength: 80, nullable: false),
                received_at = table.Column<DateTime>(nullable: false),
                reference = table.Column<string>(maxLength: 64, nullable: false),
                type = table.Column<string>(maxLength: 40, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_commerce_provider_events", x => x.event_id));

        migrationBuilder.CreateTable(
            name: "commerce_ledger_entries",
            columns: table => new
            {
                id = table.Column<long>(nullable: false),
                at = table.Column<DateTime>(nullable: false),
                key = table.Column<string>(maxLength: 80, nullable: false),
                kind = table.Column<string>(maxLength: 20, nullable: false),
                order_id = table.Column<long>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_commerce_ledger_entries", x => x.id));
        migrationBuilder.CreateIndex("IX_commerce_ledger_entries_key", "commerce_ledger_entries", "key", unique: true);
        migrationBuilder.CreateIndex("IX_commerce_ledger_entries_order_id", "commerce_ledger_entries", "order_id");

        migrationBuilder.CreateTable(
            name: "commerce_ledger_postings",
            columns: table => new
            {
                entry_id = table.Column<long>(nullable: false),
                account = table.Column<string>(maxLength: 40, nullable: false),
                amount = table.Column<long>(nullable: false),
                order_id = table.Column<long>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_commerce_ledger_postings", x => new { x.entry_id, x.account });
                table.ForeignKey("FK_commerce_ledger_postings_commerce_ledger_entries_entry_id", x => x.entry_id, "commerce_ledger_entries", "id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_commerce_ledger_postings_account", "commerce_ledger_postings", "account");
        migrationBuilder.CreateIndex("IX_commerce_ledger_postings_order_id", "commerce_ledger_postings", "order_id");

        migrationBuilder.CreateTable(
            name: "commerce_sandbox_charges",
            columns: table => new
            {
                id = table.Column<string>(maxLength: 40, nullable: false),
                amount = table.Column<long>(nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
                paid_at = table.Column<DateTime>(nullable: true),
                reference = table.Column<string>(maxLength: 64, nullable: false),
                refunded = table.Column<long>(nullable: false),
                status = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_commerce_sandbox_charges", x => x.id));
        migrationBuilder.CreateIndex("IX_commerce_sandbox_charges_reference", "commerce_sandbox_charges", "reference");

        migrationBuilder.CreateTable(
            name: "commerce_sandbox_notifications",
            columns: table => new
            {
                id = table.Column<long>(nullable: false),
                attempts = table.Column<int>(nullable: false),
                body = table.Column<string>(nullable: false),
                delivered_at = table.Column<DateTime>(nullable: true),
                due_at = table.Column<DateTime>(nullable: false),
                event_id = table.Column<string>(maxLength: 80, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_commerce_sandbox_notifications", x => x.id));
        migrationBuilder.CreateIndex("IX_commerce_sandbox_notifications_event_id", "commerce_sandbox_notifications", "event_id", unique: true);
        migrationBuilder.CreateIndex("IX_commerce_sandbox_notifications_delivered_at_due_at", "commerce_sandbox_notifications", ["delivered_at", "due_at"]);
    }
}
