using Avnera.Data.Common;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Avnera.Data.Master.Migrations
{
    /// <summary>Row Level Security for Master: people see their own rows and their stores', the platform sees all.</summary>
    public partial class RowLevelSecurity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(SqlScripts.Read("rls_functions.sql"));
            migrationBuilder.Sql(SqlScripts.Read("master_rls.sql"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(RowSecurityScripts.Off("ARRAY(SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT LIKE 'auth\\_%')"));
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS app.is_platform_admin(), app.is_store_staff(), app.cart_token();");
        }
    }
}
