using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Vermilion.Discovery.Search.Migrations;

/// <summary>Visitors' searches of the last hour (counted once per visitor, as people are) and queries operators block.</summary>
[DbContext(typeof(SearchDb))]
[Migration("202611260001_DiscoverySearchVisitorsAndBlockedQueries")]
internal sealed class M0003_VisitorsAndBlockedQueries : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "discovery_search_visitor_searches",
            columns: table => new
            {
                visitor = table.Column<string>(maxLength: 64, nullable: false),
                text = table.Column<string>(maxLength: 100, nullable: false),
                searched_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_discovery_search_visitor_searches", x => new { x.visitor, x.text }));
        migrationBuilder.CreateIndex("IX_discovery_search_visitor_searches_searched_at", "discovery_search_visitor_searches", "searched_at");

        migrationBuilder.CreateTable(
            name: "discovery_search_blocked_queries",
            columns: table => new
            {
                text = table.Column<string>(maxLength: 100, nullable: false),
                blocked_by = table.Column<long>(nullable: false),
                blocked_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_discovery_search_blocked_queries", x => x.text));
    }
}
