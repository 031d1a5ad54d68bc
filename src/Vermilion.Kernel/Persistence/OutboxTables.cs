using Microsoft.EntityFrameworkCore.Migrations;

namespace Vermilion.Kernel.Persistence;

/// <summary>The outbox and inbox tables every module's first migration creates, matching <see cref="ModuleDbContext"/>.</summary>
public static class OutboxTables
{
    public static void Create(MigrationBuilder migrationBuilder, string prefix)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.CreateTable(
            name: prefix + "_outbox",
            columns: table => new
            {
                id = table.Column<long>(nullable: false),
                type = table.Column<string>(maxLength: 200, nullable: false),
                payload = table.Column<string>(nullable: false),
                occurred_at = table.Column<DateTime>(nullable: false),
                delivered_at = table.Column<DateTime>(nullable: true),
                attempts = table.Column<int>(nullable: false),
                next_attempt_at = table.Column<DateTime>(nullable: true),
                last_error = table.Column<string>(maxLength: 2000, nullable: true),
            },
            constraints: table => table.PrimaryKey($"PK_{prefix}_outbox", x => x.id));
        migrationBuilder.CreateIndex($"IX_{prefix}_outbox_delivered_at", prefix + "_outbox", "delivered_at");

        migrationBuilder.CreateTable(
            name: prefix + "_processed_events",
            columns: table => new
            {
                handler = table.Column<string>(maxLength: 200, nullable: false),
                message_id = table.Column<long>(nullable: false),
                processed_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey($"PK_{prefix}_processed_events", x => new { x.handler, x.message_id }));
    }
}
