using Avnera.Data.Common;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Avnera.Data.Orders.Migrations
{
    /// <summary>Row Level Security for Orders: staff their store, customers their own orders and tickets.</summary>
    public partial class RowLevelSecurity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(SqlScripts.Read("rls_functions.sql"));
            migrationBuilder.Sql(SqlScripts.Read("orders_rls.sql"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(RowSecurityScripts.Off("ARRAY(SELECT tablename FROM pg_tables WHERE schemaname = 'public')"));
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS app.is_platform_admin(), app.is_store_staff(), app.cart_token();");
        }
    }
}
