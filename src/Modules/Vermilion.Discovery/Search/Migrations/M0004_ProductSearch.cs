using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Vermilion.Discovery.Search.Migrations;

/// <summary>
/// Products in search: their index (row, full-text side) and the marks of products whose sales or rating moved.
/// Notes gain the titles of the products they carry as a field of their own; the note index is emptied so the
/// catch-up at start reads every note again with it (on SQLite the FTS5 table, which cannot gain a column, is made
/// again).
/// </summary>
[DbContext(typeof(SearchDb))]
[Migration("202612100001_DiscoverySearchProducts")]
internal sealed class M0004_ProductSearch : Migration
{
    private const string Npgsql = "Npgsql.EntityFrameworkCore.PostgreSQL";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var postgres = migrationBuilder.ActiveProvider == Npgsql;
        migrationBuilder.AddColumn<string>(name: "products", table: SearchDb.NotesTable, maxLength: 400, nullable: false, defaultValue: "");
        if (postgres)
        {
            // The model has no default: every note is written with its product words.
            migrationBuilder.Sql("ALTER TABLE discovery_search_notes ALTER COLUMN products DROP DEFAULT;");
            migrationBuilder.Sql("DELETE FROM discovery_search_notes;");
        }
        else
        {
            migrationBuilder.Sql("DROP TABLE discovery_search_notes_fts;");
            migrationBuilder.Sql("CREATE VIRTUAL TABLE discovery_search_notes_fts USING fts5(title, topics, body, products, " +
                "content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0');");
            migrationBuilder.Sql("DELETE FROM discovery_search_notes;");
        }

        migrationBuilder.Sql("DELETE FROM discovery_search_state WHERE key = 'notes.caught_up_to';");

        migrationBuilder.CreateTable(
            name: SearchDb.ProductsTable,
            columns: table => new
            {
                id = table.Column<long>(nullable: false),
                store_id = table.Column<long>(nullable: false),
                title = table.Column<string>(maxLength: 120, nullable: false),
                specs = table.Column<string>(maxLength: 400, nullable: false),
                store_name = table.Column<string>(maxLength: 60, nullable: false),
                notes = table.Column<string>(maxLength: 1000, nullable: false),
                price = table.Column<long>(nullable: false),
                sold_count = table.Column<int>(nullable: false),
                rating = table.Column<int>(nullable: false),
                rating_count = table.Column<int>(nullable: false),
                indexed_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_discovery_search_products", x => x.id));
        migrationBuilder.CreateIndex("IX_discovery_search_products_store_id", SearchDb.ProductsTable, "store_id");
        if (postgres)
        {
            migrationBuilder.Sql("ALTER TABLE discovery_search_products ADD document tsvector NULL;");
            migrationBuilder.Sql("CREATE INDEX \"IX_discovery_search_products_document\" ON discovery_search_products USING gin (document);");
        }
        else
        {
            migrationBuilder.Sql("CREATE VIRTUAL TABLE discovery_search_products_fts USING fts5(title, specs, store, notes, " +
                "content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0');");
        }

        migrationBuilder.CreateTable(
            name: "discovery_search_product_marks",
            columns: table => new
            {
                product_id = table.Column<long>(nullable: false),
                mark = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_discovery_search_product_marks", x => x.product_id));
    }
}
