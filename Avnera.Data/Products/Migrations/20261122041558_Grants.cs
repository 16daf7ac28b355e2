using Avnera.Data.Common;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Avnera.Data.Products.Migrations
{
    /// <summary>Privileges of the Supabase-style group roles (Sql/products_grants.sql). The app role owns nothing.</summary>
    public partial class Grants : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(SqlScripts.Read("products_grants.sql"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("REVOKE ALL ON ALL TABLES IN SCHEMA public FROM anon, authenticated, service_role;");
        }
    }
}
