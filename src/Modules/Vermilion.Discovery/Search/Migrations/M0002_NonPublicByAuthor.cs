using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Vermilion.Discovery.Search.Migrations;

/// <summary>A partial index of the notes that are not public, by author, for the per-viewer part of a search.</summary>
[DbContext(typeof(SearchDb))]
[Migration("202611250002_DiscoverySearchNonPublicByAuthor")]
internal sealed class M0002_NonPublicByAuthor : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.CreateIndex(SearchDb.NonPublicByAuthorIndex, SearchDb.NotesTable, "author_id", filter: "audience <> 0");

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropIndex(SearchDb.NonPublicByAuthorIndex, SearchDb.NotesTable);
}
