using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Vermilion.Kernel.Persistence;

namespace Vermilion.Commerce.Migrations;

/// <summary>The commerce schema, by area: the catalog and promotions, orders, and money (payments, ledger, provider).</summary>
[DbContext(typeof(CommerceDb))]
[Migration("202611240001_CommerceInitial")]
internal sealed partial class M0001_Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        OutboxTables.Create(migrationBuilder, CommerceDb.TablePrefix);
        CreateCatalog(migrationBuilder);
        CreateOrders(migrationBuilder);
        CreateMoney(migrationBuilder);
    }
}
