using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Vermilion.Community.Migrations;

/// <summary>
/// Videos are rendered by a background job: uploads carry a state (existing ones are ready: they are served as
/// they were stored), and the job table is where nodes claim the work by lease. Notes waiting for their video are
/// found by its key.
/// </summary>
[DbContext(typeof(CommunityDb))]
[Migration("202612030002_CommunityVideoJobs")]
internal sealed class M0005_VideoJobs : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<int>("state", "community_media", nullable: false, defaultValue: 0);
        if (migrationBuilder.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL")
        {
            // The default only fills the rows that exist (ready); new rows always say their state, as the model has it.
            migrationBuilder.Sql("ALTER TABLE community_media ALTER COLUMN state DROP DEFAULT");
        }

        migrationBuilder.CreateTable(
            name: "community_video_jobs",
            columns: table => new
            {
                media_id = table.Column<long>(nullable: false),
                source = table.Column<string>(maxLength: 80, nullable: false),
                duration_seconds = table.Column<double>(nullable: false),
                progress = table.Column<int>(nullable: false),
                attempts = table.Column<int>(nullable: false),
                lease_owner = table.Column<string>(maxLength: 80, nullable: true),
                lease_until = table.Column<DateTime>(nullable: true),
                error = table.Column<string>(maxLength: 400, nullable: true),
                created_at = table.Column<DateTime>(nullable: false),
                finished_at = table.Column<DateTime>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_community_video_jobs", x => x.media_id));
        migrationBuilder.CreateIndex("IX_community_video_jobs_finished_at", "community_video_jobs", "finished_at");
        migrationBuilder.CreateIndex("IX_community_note_media_media_key", "community_note_media", "media_key");
    }
}
