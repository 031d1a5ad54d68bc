using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Vermilion.Kernel.Persistence;

namespace Vermilion.Community.Migrations;

[DbContext(typeof(CommunityDb))]
[Migration("202611230001_CommunityInitial")]
internal sealed class M0001_Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        OutboxTables.Create(migrationBuilder, CommunityDb.TablePrefix);

        migrationBuilder.CreateTable(
            name: "community_notes",
            columns: table => new
            {
                id = table.Column<long>(nullable: false),
                author_id = table.Column<long>(nullable: false),
                type = table.Column<int>(nullable: false),
                title = table.Column<string>(maxLength: 80, nullable: false),
                body = table.Column<string>(maxLength: 4000, nullable: false),
                card_style = table.Column<int>(nullable: false),
                city = table.Column<string>(maxLength: 40, nullable: false),
                place = table.Column<string>(maxLength: 60, nullable: false),
                latitude = table.Column<double>(nullable: true),
                longitude = table.Column<double>(nullable: true),
                privacy = table.Column<int>(nullable: false),
                status = table.Column<int>(nullable: false),
                publish_at = table.Column<DateTime>(nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
                edited_at = table.Column<DateTime>(nullable: true),
                cover_key = table.Column<string>(maxLength: 80, nullable: true),
                cover_width = table.Column<int>(nullable: false),
                cover_height = table.Column<int>(nullable: false),
                duration_seconds = table.Column<int>(nullable: false),
                pinned_comment_id = table.Column<long>(nullable: true),
                like_count = table.Column<int>(nullable: false),
                collect_count = table.Column<int>(nullable: false),
                comment_count = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_community_notes", x => x.id));
        migrationBuilder.CreateIndex("IX_community_notes_author_id_publish_at", "community_notes", ["author_id", "publish_at"]);
        migrationBuilder.CreateIndex("IX_community_notes_status_publish_at_id", "community_notes", ["status", "publish_at", "id"]);

        migrationBuilder.CreateTable(
            name: "community_note_media",
            columns: table => new
            {
                note_id = table.Column<long>(nullable: false),
                position = table.Column<int>(nullable: false),
                media_key = table.Column<string>(maxLength: 80, nullable: false),
                poster_key = table.Column<string>(maxLength: 80, nullable: true),
                width = table.Column<int>(nullable: false),
                height = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_community_note_media", x => new { x.note_id, x.position });
                table.ForeignKey("FK_community_note_media_community_notes_note_id", x => x.note_id, "community_notes", "id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "community_media",
            columns: table => new
            {
                id = table.Column<long>(nullable: false),
                owner_id = table.Column<long>(nullable: false),
                kind = table.Column<int>(nullable: false),
                key = table.Column<string>(maxLength: 80, nullable: false),
                poster_key = table.Column<string>(maxLength: 80, nullable: true),
                width = table.Column<int>(nullable: false),
                height = table.Column<int>(nullable: false),
                duration_seconds = table.Column<int>(nullable: false),
                bytes = table.Column<long>(nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_community_media", x => x.id));
        migrationBuilder.CreateIndex("IX_community_media_owner_id", "community_media", "owner_id");

        migrationBuilder.CreateTable(
            name: "community_topics",
            columns: table => new
            {
                name = table.Column<string>(maxLength: 60, nullable: false),
                note_count = table.Column<int>(nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_community_topics", x => x.name));
        migrationBuilder.CreateIndex("IX_community_topics_note_count", "community_topics", "note_count");

        migrationBuilder.CreateTable(
            name: "community_note_topics",
            columns: table => new
            {
                note_id = table.Column<long>(nullable: false),
                topic = table.Column<string>(maxLength: 60, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_community_note_topics", x => new { x.note_id, x.topic }));
        migrationBuilder.CreateIndex("IX_community_note_topics_topic_note_id", "community_note_topics", ["topic", "note_id"]);

        migrationBuilder.CreateTable(
            name: "community_note_mentions",
            columns: table => new
            {
                note_id = table.Column<long>(nullable: false),
                user_id = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_community_note_mentions", x => new { x.note_id, x.user_id }));

        migrationBuilder.CreateTable(
            name: "community_follows",
            columns: table => new
            {
                follower_id = table.Column<long>(nullable: false),
                followee_id = table.Column<long>(nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_community_follows", x => new { x.follower_id, x.followee_id }));
        migrationBuilder.CreateIndex("IX_community_follows_followee_id_created_at", "community_follows", ["followee_id", "created_at"]);

        migrationBuilder.CreateTable(
            name: "community_blocks",
            columns: table => new
            {
                blocker_id = table.Column<long>(nullable: false),
                blocked_id = table.Column<long>(nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_community_blocks", x => new { x.blocker_id, x.blocked_id }));
        migrationBuilder.CreateIndex("IX_community_blocks_blocked_id", "community_blocks", "blocked_id");

        migrationBuilder.CreateTable(
            name: "community_user_stats",
            columns: table => new
            {
                user_id = table.Column<long>(nullable: false),
                following = table.Column<int>(nullable: false),
                followers = table.Column<int>(nullable: false),
                likes_received = table.Column<int>(nullable: false),
                collects_received = table.Column<int>(nullable: false),
                notes = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_community_user_stats", x => x.user_id));

        migrationBuilder.CreateTable(
            name: "community_likes",
            columns: table => new
            {
                note_id = table.Column<long>(nullable: false),
                user_id = table.Column<long>(nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_community_likes", x => new { x.note_id, x.user_id }));
        migrationBuilder.CreateIndex("IX_community_likes_user_id_created_at", "community_likes", ["user_id", "created_at"]);

        migrationBuilder.CreateTable(
            name: "community_not_interested",
            columns: table => new
            {
                user_id = table.Column<long>(nullable: false),
                note_id = table.Column<long>(nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_community_not_interested", x => new { x.user_id, x.note_id }));

        migrationBuilder.CreateTable(
            name: "community_boards",
            columns: table => new
            {
                id = table.Column<long>(nullable: false),
                owner_id = table.Column<long>(nullable: false),
                name = table.Column<string>(maxLength: 40, nullable: false),
                is_private = table.Column<bool>(nullable: false),
                is_default = table.Column<bool>(nullable: false),
                note_count = table.Column<int>(nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_community_boards", x => x.id));
        migrationBuilder.CreateIndex("IX_community_boards_owner_id_name", "community_boards", ["owner_id", "name"], unique: true);

        migrationBuilder.CreateTable(
            name: "community_board_items",
            columns: table => new
            {
                board_id = table.Column<long>(nullable: false),
                note_id = table.Column<long>(nullable: false),
                user_id = table.Column<long>(nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_community_board_items", x => new { x.board_id, x.note_id }));
        migrationBuilder.CreateIndex("IX_community_board_items_user_id_note_id", "community_board_items", ["user_id", "note_id"], unique: true);

        migrationBuilder.CreateTable(
            name: "community_comments",
            columns: table => new
            {
                id = table.Column<long>(nullable: false),
                note_id = table.Column<long>(nullable: false),
                author_id = table.Column<long>(nullable: false),
                parent_id = table.Column<long>(nullable: true),
                reply_to_user_id = table.Column<long>(nullable: true),
                body = table.Column<string>(maxLength: 1000, nullable: false),
                image_key = table.Column<string>(maxLength: 80, nullable: true),
                like_count = table.Column<int>(nullable: false),
                reply_count = table.Column<int>(nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
                deleted_at = table.Column<DateTime>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_community_comments", x => x.id));
        migrationBuilder.CreateIndex("IX_community_comments_note_id_parent_id_created_at", "community_comments", ["note_id", "parent_id", "created_at"]);

        migrationBuilder.CreateTable(
            name: "community_comment_likes",
            columns: table => new
            {
                comment_id = table.Column<long>(nullable: false),
                user_id = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_community_comment_likes", x => new { x.comment_id, x.user_id }));
    }
}
