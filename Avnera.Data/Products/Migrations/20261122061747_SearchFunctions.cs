using Avnera.Data.Common;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Avnera.Data.Products.Migrations
{
    /// <summary>Search candidate functions (SECURITY DEFINER as service_role, bound to app.store_id()): index scans under RLS.</summary>
    public partial class SearchFunctions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(SqlScripts.Read("search_functions.sql"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS app.search_products(text, regconfig, text), app.search_products_fuzzy(text, text[]);");
        }
    }
}
