using Avnera.Data.Common;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Avnera.Data.Products.Migrations
{
    /// <summary>facet_key (generated) on products and product_search: facets counted by one string instead of an array.</summary>
    public partial class FacetKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(SqlScripts.Read("facet_keys.sql"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP VIEW app.search_matches;
                ALTER TABLE products DROP COLUMN facet_key;
                ALTER TABLE product_search DROP COLUMN facet_key;
                DROP FUNCTION app.facet_key(text[]);
                """);
            migrationBuilder.Sql(SqlScripts.Read("search_matches.sql"));
        }
    }
}
