using Avnera.Data.Common;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Avnera.Data.Master.AuthMigrations
{
    /// <summary>Only the service role may read or write credentials (Sql/auth_grants.sql).</summary>
    public partial class Grants : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(SqlScripts.Read("auth_grants.sql"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("REVOKE ALL ON auth_users, auth_user_claims, auth_user_logins, auth_user_tokens FROM service_role;");
        }
    }
}
