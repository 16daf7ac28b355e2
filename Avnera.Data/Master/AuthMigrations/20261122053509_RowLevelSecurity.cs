using Avnera.Data.Common;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Avnera.Data.Master.AuthMigrations
{
    /// <summary>Row Level Security for the auth_* tables: the platform (service_role) only.</summary>
    public partial class RowLevelSecurity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(SqlScripts.Read("auth_rls.sql"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(RowSecurityScripts.Off("ARRAY(SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename LIKE 'auth\\_%')"));
        }
    }
}
