using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Vermilion.Community.Migrations;

[DbContext(typeof(CommunityDb))]
[Migration("202611240002_CommunitySeriesAndTabPrivacy")]
internal sealed class M0003_SeriesAndTabPrivacy : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "community_series",
            columns: table => new
            {
                id = table.Column<long>(nullable: false),
                owner_id = table.Column<long>(nullable: false),
                name = table.Column<string>(maxLength: 40, nullable: false),
                description = table.Column<string>(maxLength: 200, nullable: false),
                note_count = table.Column<int>(nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
                updated_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_community_series", x => x.id));
        migrationBuilder.CreateIndex("IX_community_series_owner_id_updated_at", "community_series", ["owner_id", "updated_at"]);

        migrationBuilder.CreateTable(
            name: "community_series_notes",
            columns: table => new
            {
                series_id = table.Column<long>(nullable: false),
                note_id = table.Column<long>(nullable: false),
                position = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_community_series_notes", x => new { x.series_id, x.note_id }));
        migrationBuilder.CreateIndex("IX_community_series_notes_note_id", "community_series_notes", "note_id", unique: true);

        migrationBuilder.CreateTable(
            name: "community_tab_privacy",
            columns: table => new
            {
                user_id = table.Column<long>(nullable: false),
                collected_private = table.Column<bool>(nullable: false),
                liked_private = table.Column<bool>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_community_tab_privacy", x => x.user_id));
    }
}
