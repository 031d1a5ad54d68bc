using Microsoft.EntityFrameworkCore.Migrations;

namespace Vermilion.Commerce.Migrations;

internal sealed partial class M0001_Initial
{
    private static void CreateCatalog(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "commerce_stores",
            columns: table => new
            {
                id = table.Column<long>(nullable: false),
                commission_basis_points = table.Column<int>(nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
                decided_at = table.Column<DateTime>(nullable: true),
                decided_by = table.Column<long>(nullable: true),
                decision_note = table.Column<string>(maxLength: 400, nullable: true),
                description = table.Column<string>(maxLength: 1000, nullable: false),
                kind = table.Column<int>(nullable: false),
                name = table.Column<string>(maxLength: 60, nullable: false),
                owner_id = table.Column<long>(nullable: false),
                rating_count = table.Column<int>(nullable: false),
                rating_sum = table.Column<int>(nullable: false),
                status = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_commerce_stores", x => x.id));
        migrationBuilder.CreateIndex("IX_commerce_stores_owner_id", "commerce_stores", "owner_id", unique: true);
        migrationBuilder.CreateIndex("IX_commerce_stores_status", "commerce_stores", "status");

        migrationBuilder.CreateTable(
            name: "commerce_shipping_templates",
            columns: table => new
            {
                id = table.Column<long>(nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
                excluded_regions = table.Column<string>(maxLength: 1000, nullable: false),
                flat_fee = table.Column<long>(nullable: false),
                free_above = table.Column<long>(nullable: true),
                name = table.Column<string>(maxLength: 60, nullable: false),
                store_id = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_commerce_shipping_templates", x => x.id));
        migrationBuilder.CreateIndex("IX_commerce_shipping_templates_store_id", "commerce_shipping_templates", "store_id");

        migrationBuilder.CreateTable(
            name: "commerce_images",
            columns: table => new
            {
                id = table.Column<long>(nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
                height = table.Column<int>(nullable: false),
                key = table.Column<string>(maxLength: 80, nullable: false),
                owner_id = table.Column<long>(nullable: false),
                width = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_commerce_images", x => x.id));
        migrationBuilder.CreateIndex("IX_commerce_images_owner_id", "commerce_images", "owner_id");

        migrationBuilder.CreateTable(
            name: "commerce_products",
            columns: table => new
            {
                id = table.Column<long>(nullable: false),
                attributes = table.Column<string>(maxLength: 2000, nullable: false),
                category = table.Column<string>(maxLength: 40, nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
                description = table.Column<string>(maxLength: 4000, nullable: false),
                image_keys = table.Column<string>(maxLength: 1000, nullable: false),
                min_price = table.Column<long>(nullable: false),
                no_reason_return = table.Column<bool>(nullable: false),
                rating_count = table.Column<int>(nullable: false),
                rating_sum = table.Column<int>(nullable: false),
                shipping_template_id = table.Column<long>(nullable: true),
                sold_count = table.Column<int>(nullable: false),
                status = table.Column<int>(nullable: false),
                store_id = table.Column<long>(nullable: false),
                title = table.Column<string>(maxLength: 120, nullable: false),
                updated_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_commerce_products", x => x.id));
        migrationBuilder.CreateIndex("IX_commerce_products_status_sold_count", "commerce_products", ["status", "sold_count"]);
        migrationBuilder.CreateIndex("IX_commerce_products_store_id_status", "commerce_products", ["store_id", "status"]);

        migrationBuilder.CreateTable(
            name: "commerce_skus",
            columns: table => new
            {
                id = table.Column<long>(nullable: false),
                original_price = table.Column<long>(nullable: false),
                position = table.Column<int>(nullable: false),
                price = table.Column<long>(nullable: false),
                product_id = table.Column<long>(nullable: false),
                retired = table.Column<bool>(nullable: false),
                specs = table.Column<string>(maxLength: 200, nullable: false),
                stock = table.Column<int>(nullable: false),
                stocked = table.Column<int>(nullable: false),
                store_id = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_commerce_skus", x => x.id));
        migrationBuilder.CreateIndex("IX_commerce_skus_product_id", "commerce_skus", "product_id");

        migrationBuilder.CreateTable(
            name: "commerce_note_products",
            columns: table => new
            {
                note_id = table.Column<long>(nullable: false),
                product_id = table.Column<long>(nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
                creator_id = table.Column<long>(nullable: false),
                position = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_commerce_note_products", x => new { x.note_id, x.product_id }));
        migrationBuilder.CreateIndex("IX_commerce_note_products_product_id_created_at", "commerce_note_products", ["product_id", "created_at"]);

        migrationBuilder.CreateTable(
            name: "commerce_cart_items",
            columns: table => new
            {
                user_id = table.Column<long>(nullable: false),
                sku_id = table.Column<long>(nullable: false),
                added_at = table.Column<DateTime>(nullable: false),
                note_id = table.Column<long>(nullable: true),
                quantity = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_commerce_cart_items", x => new { x.user_id, x.sku_id }));

        migrationBuilder.CreateTable(
            name: "commerce_addresses",
            columns: table => new
            {
                id = table.Column<long>(nullable: false),
                city = table.Column<string>(maxLength: 40, nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
                is_default = table.Column<bool>(nullable: false),
                line = table.Column<string>(maxLength: 240, nullable: false),
                name = table.Column<string>(maxLength: 40, nullable: false),
                phone = table.Column<string>(maxLength: 20, nullable: false),
                region = table.Column<string>(maxLength: 20, nullable: false),
                user_id = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_commerce_addresses", x => x.id));
        migrationBuilder.CreateIndex("IX_commerce_addresses_user_id", "commerce_addresses", "user_id");

        migrationBuilder.CreateTable(
            name: "commerce_reviews",
            columns: table => new
            {
                id = table.Column<long>(nullable: false),
                buyer_id = table.Column<long>(nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
                helpful_count = table.Column<int>(nullable: false),
                image_keys = table.Column<string>(maxLength: 600, nullable: false),
                order_id = table.Column<long>(nullable: false),
                product_id = table.Column<long>(nullable: false),
                rating = table.Column<int>(nullable: false),
                replied_at = table.Column<DateTime>(nullable: true),
                reply = table.Column<string>(maxLength: 1000, nullable: true),
                specs = table.Column<string>(maxLength: 200, nullable: false),
                store_id = table.Column<long>(nullable: false),
                text = table.Column<string>(maxLength: 1000, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_commerce_reviews", x => x.id));
        migrationBuilder.CreateIndex("IX_commerce_reviews_order_id_product_id", "commerce_reviews", ["order_id", "product_id"], unique: true);
        migrationBuilder.CreateIndex("IX_commerce_reviews_product_id_id", "commerce_reviews", ["product_id", "id"]);
        migrationBuilder.CreateIndex("IX_commerce_reviews_store_id_id", "commerce_reviews", ["store_id", "id"]);

        migrationBuilder.CreateTable(
            name: "commerce_review_votes",
            columns: table => new
            {
                review_id = table.Column<long>(nullable: false),
                user_id = table.Column<long>(nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_commerce_review_votes", x => new { x.review_id, x.user_id }));

        migrationBuilder.CreateTable(
            name: "commerce_coupons",
            columns: table => new
            {
                id = table.Column<long>(nullable: false),
                claimed = table.Column<int>(nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
                first_order_only = table.Column<bool>(nullable: false),
                kind = table.Column<int>(nullable: false),
                min_spend = table.Column<long>(nullable: false),
                per_user_limit = table.Column<int>(nullable: false),
                stopped = table.Column<bool>(nullable: false),
                store_id = table.Column<long>(nullable: true),
                title = table.Column<string>(maxLength: 60, nullable: false),
                total_quantity = table.Column<int>(nullable: false),
                valid_from = table.Column<DateTime>(nullable: false),
                valid_to = table.Column<DateTime>(nullable: false),
                value = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_commerce_coupons", x => x.id));
        migrationBuilder.CreateIndex("IX_commerce_coupons_store_id", "commerce_coupons", "store_id");

        migrationBuilder.CreateTable(
            name: "commerce_user_coupons",
            columns: table => new
            {
                id = table.Column<long>(nullable: false),
                checkout_id = table.Column<long>(nullable: true),
                claimed_at = table.Column<DateTime>(nullable: false),
                coupon_id = table.Column<long>(nullable: false),
                seq = table.Column<int>(nullable: false),
                status = table.Column<int>(nullable: false),
                used_at = table.Column<DateTime>(nullable: true),
                user_id = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_commerce_user_coupons", x => x.id));
        migrationBuilder.CreateIndex("IX_commerce_user_coupons_user_id_status", "commerce_user_coupons", ["user_id", "status"]);
        migrationBuilder.CreateIndex("IX_commerce_user_coupons_coupon_id_user_id_seq", "commerce_user_coupons", ["coupon_id", "user_id", "seq"], unique: true);

        migrationBuilder.CreateTable(
            name: "commerce_flash_sales",
            columns: table => new
            {
                id = table.Column<long>(nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
                ends_at = table.Column<DateTime>(nullable: false),
                per_user_limit = table.Column<int>(nullable: false),
                price = table.Column<long>(nullable: false),
                product_id = table.Column<long>(nullable: false),
                quantity = table.Column<int>(nullable: false),
                remaining = table.Column<int>(nullable: false),
                sku_id = table.Column<long>(nullable: false),
                starts_at = table.Column<DateTime>(nullable: false),
                store_id = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_commerce_flash_sales", x => x.id));
        migrationBuilder.CreateIndex("IX_commerce_flash_sales_ends_at", "commerce_flash_sales", "ends_at");
        migrationBuilder.CreateIndex("IX_commerce_flash_sales_sku_id", "commerce_flash_sales", "sku_id");

        migrationBuilder.CreateTable(
            name: "commerce_flash_purchases",
            columns: table => new
            {
                flash_sale_id = table.Column<long>(nullable: false),
                user_id = table.Column<long>(nullable: false),
                seq = table.Column<int>(nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
                order_id = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_commerce_flash_purchases", x => new { x.flash_sale_id, x.user_id, x.seq }));
        migrationBuilder.CreateIndex("IX_commerce_flash_purchases_order_id", "commerce_flash_purchases", "order_id");
    }
}
