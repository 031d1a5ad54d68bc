using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Vermilion.Community.Migrations;

[DbContext(typeof(CommunityDb))]
[Migration("202611240001_CommunityNotificationsAndMessages")]
internal sealed class M0002_NotificationsAndMessages : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "community_notifications",
            columns: table => new
            {
                id = table.Column<long>(nullable: false),
                user_id = table.Column<long>(nullable: false),
                category = table.Column<int>(nullable: false),
                type = table.Column<string>(maxLength: 20, nullable: false),
                group_key = table.Column<string>(maxLength: 120, nullable: false),
                actor_id = table.Column<long>(nullable: true),
                actor_count = table.Column<int>(nullable: false),
                note_id = table.Column<long>(nullable: true),
                comment_id = table.Column<long>(nullable: true),
                excerpt = table.Column<string>(maxLength: 400, nullable: true),
                text_key = table.Column<string>(maxLength: 120, nullable: true),
                text_arguments = table.Column<string>(maxLength: 2000, nullable: true),
                link = table.Column<string>(maxLength: 300, nullable: true),
                dedupe_key = table.Column<string>(maxLength: 120, nullable: true),
                created_at = table.Column<DateTime>(nullable: false),
                updated_at = table.Column<DateTime>(nullable: false),
                read_at = table.Column<DateTime>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_community_notifications", x => x.id));
        migrationBuilder.CreateIndex("IX_community_notifications_user_id_category_updated_at", "community_notifications", ["user_id", "category", "updated_at"]);
        migrationBuilder.CreateIndex("IX_community_notifications_user_id_group_key", "community_notifications", ["user_id", "group_key"], unique: true, filter: "read_at IS NULL");
        migrationBuilder.CreateIndex("IX_community_notifications_dedupe_key", "community_notifications", "dedupe_key", unique: true);

        migrationBuilder.CreateTable(
            name: "community_notification_actors",
            columns: table => new
            {
                notification_id = table.Column<long>(nullable: false),
                actor_id = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_community_notification_actors", x => new { x.notification_id, x.actor_id }));

        migrationBuilder.CreateTable(
            name: "community_conversations",
            columns: table => new
            {
                id = table.Column<long>(nullable: false),
                user_low = table.Column<long>(nullable: false),
                user_high = table.Column<long>(nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
                last_message_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_community_conversations", x => x.id));
        migrationBuilder.CreateIndex("IX_community_conversations_user_low_user_high", "community_conversations", ["user_low", "user_high"], unique: true);

        migrationBuilder.CreateTable(
            name: "community_conversation_members",
            columns: table => new
            {
                conversation_id = table.Column<long>(nullable: false),
                user_id = table.Column<long>(nullable: false),
                peer_id = table.Column<long>(nullable: false),
                unread_count = table.Column<int>(nullable: false),
                last_read_message_id = table.Column<long>(nullable: false),
                last_message_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_community_conversation_members", x => new { x.conversation_id, x.user_id }));
        migrationBuilder.CreateIndex("IX_community_conversation_members_user_id_last_message_at", "community_conversation_members", ["user_id", "last_message_at"]);

        migrationBuilder.CreateTable(
            name: "community_messages",
            columns: table => new
            {
                id = table.Column<long>(nullable: false),
                conversation_id = table.Column<long>(nullable: false),
                sender_id = table.Column<long>(nullable: false),
                body = table.Column<string>(maxLength: 2000, nullable: false),
                image_key = table.Column<string>(maxLength: 80, nullable: true),
                image_width = table.Column<int>(nullable: false),
                image_height = table.Column<int>(nullable: false),
                client_id = table.Column<string>(maxLength: 40, nullable: true),
                created_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_community_messages", x => x.id));
        migrationBuilder.CreateIndex("IX_community_messages_conversation_id_id", "community_messages", ["conversation_id", "id"]);
        migrationBuilder.CreateIndex("IX_community_messages_sender_id_client_id", "community_messages", ["sender_id", "client_id"], unique: true);
    }
}
