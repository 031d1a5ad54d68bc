using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Vermilion.Community.Migrations;

/// <summary>
/// Each picture keeps its dominant colour, shown in its place while it loads. Rows from before stay null and show
/// the page's neutral placeholder; their renditions are made on first request, so no data moves here.
/// </summary>
[DbContext(typeof(CommunityDb))]
[Migration("202612030001_CommunityPictureColors")]
internal sealed class M0004_PictureColors : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>("color", "community_media", maxLength: 7, nullable: true);
        migrationBuilder.AddColumn<string>("color", "community_note_media", maxLength: 7, nullable: true);
        migrationBuilder.AddColumn<string>("cover_color", "community_notes", maxLength: 7, nullable: true);
    }
}
