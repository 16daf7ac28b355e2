using Avnera.Data.Common;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Avnera.Data.Master.Migrations
{
    /// <summary>Privileges of the Supabase-style group roles (Sql/master_grants.sql). The app role owns nothing.</summary>
    public partial class Grants : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(SqlScripts.Read("master_grants.sql"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("REVOKE ALL ON ALL TABLES IN SCHEMA public FROM anon, authenticated, service_role;");
        }
    }
}
