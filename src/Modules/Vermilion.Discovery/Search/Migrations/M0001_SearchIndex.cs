using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Vermilion.Kernel.Persistence;

namespace Vermilion.Discovery.Search.Migrations;

[DbContext(typeof(SearchDb))]
[Migration("202611250001_DiscoverySearchIndex")]
internal sealed class M0001_SearchIndex : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        OutboxTables.Create(migrationBuilder, SearchDb.TablePrefix);
        migrationBuilder.CreateTable(
            name: SearchDb.NotesTable,
            columns: table => new
            {
                id = table.Column<long>(nullable: false),
                author_id = table.Column<long>(nullable: false),
                type = table.Column<string>(maxLength: 16, nullable: false),
                city = table.Column<string>(maxLength: 50, nullable: false),
                audience = table.Column<int>(nullable: false),
                published_at = table.Column<DateTime>(nullable: false),
                like_count = table.Column<int>(nullable: false),
                collect_count = table.Column<int>(nullable: false),
                comment_count = table.Column<int>(nullable: false),
                trust = table.Column<double>(nullable: false),
                title = table.Column<string>(maxLength: 100, nullable: false),
                body = table.Column<string>(maxLength: 2000, nullable: false),
                topics = table.Column<string>(maxLength: 400, nullable: false),
                indexed_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_discovery_search_notes", x => x.id));
        migrationBuilder.CreateIndex("IX_discovery_search_notes_author_id", SearchDb.NotesTable, "author_id");
        migrationBuilder.CreateIndex("IX_discovery_search_notes_published_at", SearchDb.NotesTable, "published_at");
        if (migrationBuilder.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL")
        {
            migrationBuilder.Sql("ALTER TABLE discovery_search_notes ADD document tsvector NULL;");
            migrationBuilder.Sql("CREATE INDEX \"IX_discovery_search_notes_document\" ON discovery_search_notes USING gin (document);");
        }
        else
        {
            // Contentless: the words live in discovery_search_notes; the index keeps only postings, and deletes work.
            migrationBuilder.Sql("CREATE VIRTUAL TABLE discovery_search_notes_fts USING fts5(title, topics, body, " +
                "content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0');");
        }

        migrationBuilder.CreateTable(
            name: "discovery_search_state",
            columns: table => new
            {
                key = table.Column<string>(maxLength: 50, nullable: false),
                value = table.Column<long>(nullable: false),
                updated_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_discovery_search_state", x => x.key));

        migrationBuilder.CreateTable(
            name: "discovery_search_queries",
            columns: table => new
            {
                text = table.Column<string>(maxLength: 100, nullable: false),
                heat = table.Column<double>(nullable: false),
                count = table.Column<long>(nullable: false),
                last_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_discovery_search_queries", x => x.text));
        migrationBuilder.CreateIndex("IX_discovery_search_queries_heat", "discovery_search_queries", "heat");

        migrationBuilder.CreateTable(
            name: "discovery_search_history",
            columns: table => new
            {
                user_id = table.Column<long>(nullable: false),
                text = table.Column<string>(maxLength: 100, nullable: false),
                searched_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_discovery_search_history", x => new { x.user_id, x.text }));
        migrationBuilder.CreateIndex("IX_discovery_search_history_user_id_searched_at", "discovery_search_history", ["user_id", "searched_at"]);

        migrationBuilder.CreateTable(
            name: "discovery_search_lexicon",
            columns: table => new
            {
                word = table.Column<string>(maxLength: 20, nullable: false),
                count = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_discovery_search_lexicon", x => x.word));
    }
}
