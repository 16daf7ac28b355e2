using Avnera.Data.Common;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Avnera.Data.Products.Migrations
{
    /// <summary>Row Level Security for Products: staff their store, the storefront published rows, people their own.</summary>
    public partial class RowLevelSecurity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(SqlScripts.Read("rls_functions.sql"));
            migrationBuilder.Sql(SqlScripts.Read("products_rls.sql"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(RowSecurityScripts.Off("ARRAY(SELECT tablename FROM pg_tables WHERE schemaname = 'public')"));
            migrationBuilder.Sql("REVOKE ALL ON shopping_cart, shopping_cart_items FROM anon;");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS app.is_platform_admin(), app.is_store_staff(), app.cart_token();");
        }
    }
}
