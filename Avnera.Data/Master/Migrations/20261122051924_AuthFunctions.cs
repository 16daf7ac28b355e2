using Avnera.Data.Common;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Avnera.Data.Master.Migrations
{
    /// <summary>auth.uid()/role()/email()/jwt() (where Supabase has not got them) and app.store_id(), for RLS policies.</summary>
    public partial class AuthFunctions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(SqlScripts.Read("auth_functions.sql"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // auth.* may belong to Supabase: only the app schema is ours to drop.
            migrationBuilder.Sql("DROP SCHEMA IF EXISTS app CASCADE;");
        }
    }
}
