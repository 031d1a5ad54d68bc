using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Vermilion.Kernel.Persistence;

namespace Vermilion.Discovery.Migrations.Feed;

[DbContext(typeof(FeedDb))]
[Migration("202611250001_DiscoveryFeedStorage")]
internal sealed class M0001_FeedStorage : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        OutboxTables.Create(migrationBuilder, FeedDb.TablePrefix);

        migrationBuilder.CreateTable(
            name: "discovery_feed_events",
            columns: table => new
            {
                id = table.Column<long>(nullable: false),
                user_id = table.Column<long>(nullable: false),
                kind = table.Column<int>(nullable: false),
                note_id = table.Column<long>(nullable: true),
                subject_id = table.Column<long>(nullable: true),
                occurred_at = table.Column<DateTime>(nullable: false),
                position = table.Column<int>(nullable: true),
                value = table.Column<float>(nullable: true),
                feed = table.Column<string>(maxLength: 40, nullable: true),
                query = table.Column<string>(maxLength: 100, nullable: true),
                features = table.Column<byte[]>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_discovery_feed_events", x => x.id));
        migrationBuilder.CreateIndex("IX_discovery_feed_events_user_id_occurred_at", "discovery_feed_events", ["user_id", "occurred_at"]);
        migrationBuilder.CreateIndex("IX_discovery_feed_events_kind_occurred_at", "discovery_feed_events", ["kind", "occurred_at"]);

        migrationBuilder.CreateTable(
            name: "discovery_feed_notes",
            columns: table => new
            {
                id = table.Column<long>(nullable: false),
                author_id = table.Column<long>(nullable: false),
                type = table.Column<string>(maxLength: 10, nullable: false),
                title = table.Column<string>(maxLength: 80, nullable: false),
                excerpt = table.Column<string>(maxLength: 200, nullable: false),
                topics = table.Column<string>(maxLength: 400, nullable: false),
                city = table.Column<string>(maxLength: 40, nullable: false),
                latitude = table.Column<double>(nullable: true),
                longitude = table.Column<double>(nullable: true),
                published_at = table.Column<DateTime>(nullable: false),
                recommendable = table.Column<bool>(nullable: false),
                likes = table.Column<int>(nullable: false),
                collects = table.Column<int>(nullable: false),
                comments = table.Column<int>(nullable: false),
                changed_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_discovery_feed_notes", x => x.id));
        migrationBuilder.CreateIndex("IX_discovery_feed_notes_changed_at", "discovery_feed_notes", "changed_at");

        migrationBuilder.CreateTable(
            name: "discovery_feed_settings",
            columns: table => new
            {
                key = table.Column<string>(maxLength: 60, nullable: false),
                value = table.Column<string>(maxLength: 200, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_discovery_feed_settings", x => x.key));
    }
}
