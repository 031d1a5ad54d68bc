using Microsoft.EntityFrameworkCore.Migrations;

namespace Vermilion.Commerce.Migrations;

internal sealed partial class M0001_Initial
{
    private static void CreateOrders(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "commerce_checkouts",
            columns: table => new
            {
                id = table.Column<long>(nullable: false),
                buyer_id = table.Column<long>(nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
                idempotency_key = table.Column<string>(maxLength: 100, nullable: true),
                total = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_commerce_checkouts", x => x.id));
        migrationBuilder.CreateIndex("IX_commerce_checkouts_buyer_id_idempotency_key", "commerce_checkouts", ["buyer_id", "idempotency_key"], unique: true);

        migrationBuilder.CreateTable(
            name: "commerce_orders",
            columns: table => new
            {
                id = table.Column<long>(nullable: false),
                buyer_id = table.Column<long>(nullable: false),
                carrier = table.Column<string>(maxLength: 40, nullable: true),
                checkout_id = table.Column<long>(nullable: false),
                commission_basis_points = table.Column<int>(nullable: false),
                completed_at = table.Column<DateTime>(nullable: true),
                created_at = table.Column<DateTime>(nullable: false),
                creator_id = table.Column<long>(nullable: true),
                delivered_at = table.Column<DateTime>(nullable: true),
                ended_at = table.Column<DateTime>(nullable: true),
                flash_sale_id = table.Column<long>(nullable: true),
                note_id = table.Column<long>(nullable: true),
                paid_at = table.Column<DateTime>(nullable: true),
                pay_by = table.Column<DateTime>(nullable: false),
                payment_id = table.Column<long>(nullable: true),
                platform_coupon_id = table.Column<long>(nullable: true),
                platform_discount = table.Column<long>(nullable: false),
                platform_fee_basis_points = table.Column<int>(nullable: false),
                refunded = table.Column<long>(nullable: false),
                ship_address = table.Column<string>(maxLength: 300, nullable: false),
                ship_name = table.Column<string>(maxLength: 40, nullable: false),
                ship_phone = table.Column<string>(maxLength: 20, nullable: false),
                ship_region = table.Column<string>(maxLength: 20, nullable: false),
                shipped_at = table.Column<DateTime>(nullable: true),
                shipping_fee = table.Column<long>(nullable: false),
                status = table.Column<int>(nullable: false),
                stock_released = table.Column<bool>(nullable: false),
                store_coupon_id = table.Column<long>(nullable: true),
                store_discount = table.Column<long>(nullable: false),
                store_id = table.Column<long>(nullable: false),
                subtotal = table.Column<long>(nullable: false),
                total = table.Column<long>(nullable: false),
                tracking_number = table.Column<string>(maxLength: 40, nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_commerce_orders", x => x.id));
        migrationBuilder.CreateIndex("IX_commerce_orders_checkout_id", "commerce_orders", "checkout_id");
        migrationBuilder.CreateIndex("IX_commerce_orders_creator_id", "commerce_orders", "creator_id");
        migrationBuilder.CreateIndex("IX_commerce_orders_buyer_id_id", "commerce_orders", ["buyer_id", "id"]);
        migrationBuilder.CreateIndex("IX_commerce_orders_status_pay_by", "commerce_orders", ["status", "pay_by"]);
        migrationBuilder.CreateIndex("IX_commerce_orders_store_id_status_id", "commerce_orders", ["store_id", "status", "id"]);

        migrationBuilder.CreateTable(
            name: "commerce_order_lines",
            columns: table => new
            {
                order_id = table.Column<long>(nullable: false),
                position = table.Column<int>(nullable: false),
                amount = table.Column<long>(nullable: false),
                image_key = table.Column<string>(maxLength: 80, nullable: true),
                product_id = table.Column<long>(nullable: false),
                quantity = table.Column<int>(nullable: false),
                sku_id = table.Column<long>(nullable: false),
                specs = table.Column<string>(maxLength: 200, nullable: false),
                title = table.Column<string>(maxLength: 120, nullable: false),
                unit_price = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_commerce_order_lines", x => new { x.order_id, x.position });
                table.ForeignKey("FK_commerce_order_lines_commerce_orders_order_id", x => x.order_id, "commerce_orders", "id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_commerce_order_lines_sku_id", "commerce_order_lines", "sku_id");

        migrationBuilder.CreateTable(
            name: "commerce_order_events",
            columns: table => new
            {
                id = table.Column<long>(nullable: false),
                actor_id = table.Column<long>(nullable: true),
                actor_kind = table.Column<string>(maxLength: 20, nullable: false),
                at = table.Column<DateTime>(nullable: false),
                from = table.Column<int>(nullable: true),
                note = table.Column<string>(maxLength: 400, nullable: true),
                order_id = table.Column<long>(nullable: false),
                to = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_commerce_order_events", x => x.id));
        migrationBuilder.CreateIndex("IX_commerce_order_events_order_id", "commerce_order_events", "order_id");

        migrationBuilder.CreateTable(
            name: "commerce_after_sales",
            columns: table => new
            {
                id = table.Column<long>(nullable: false),
                amount = table.Column<long>(nullable: false),
                auto_approved = table.Column<bool>(nullable: false),
                buyer_id = table.Column<long>(nullable: false),
                closed_at = table.Column<DateTime>(nullable: true),
                created_at = table.Column<DateTime>(nullable: false),
                decided_at = table.Column<DateTime>(nullable: true),
                due_at = table.Column<DateTime>(nullable: true),
                kind = table.Column<int>(nullable: false),
                merchant_note = table.Column<string>(maxLength: 400, nullable: true),
                order_id = table.Column<long>(nullable: false),
                photo_keys = table.Column<string>(maxLength: 600, nullable: false),
                reason = table.Column<string>(maxLength: 400, nullable: false),
                resend_carrier = table.Column<string>(maxLength: 40, nullable: true),
                resend_tracking = table.Column<string>(maxLength: 40, nullable: true),
                return_carrier = table.Column<string>(maxLength: 40, nullable: true),
                return_shipped_at = table.Column<DateTime>(nullable: true),
                return_tracking = table.Column<string>(maxLength: 40, nullable: true),
                status = table.Column<int>(nullable: false),
                store_id = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_commerce_after_sales", x => x.id));
        migrationBuilder.CreateIndex("IX_commerce_after_sales_order_id", "commerce_after_sales", "order_id");
        migrationBuilder.CreateIndex("IX_commerce_after_sales_status_due_at", "commerce_after_sales", ["status", "due_at"]);
        migrationBuilder.CreateIndex("IX_commerce_after_sales_store_id_status", "commerce_after_sales", ["store_id", "status"]);

        migrationBuilder.CreateTable(
            name: "commerce_idempotency",
            columns: table => new
            {
                user_id = table.Column<long>(nullable: false),
                key = table.Column<string>(maxLength: 100, nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
                expires_at = table.Column<DateTime>(nullable: false),
                locked_until = table.Column<DateTime>(nullable: false),
                request_hash = table.Column<string>(maxLength: 64, nullable: false),
                response_body = table.Column<string>(nullable: true),
                response_status = table.Column<int>(nullable: false),
                scope = table.Column<string>(maxLength: 100, nullable: false),
                state = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_commerce_idempotency", x => new { x.user_id, x.key }));
        migrationBuilder.CreateIndex("IX_commerce_idempotency_expires_at", "commerce_idempotency", "expires_at");
    }
}
