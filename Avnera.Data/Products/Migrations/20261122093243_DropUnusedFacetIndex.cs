using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Avnera.Data.Products.Migrations
{
    /// <summary>Drops ix_products_facet_values: no query uses it since listings filter by variant_keys.</summary>
    public partial class DropUnusedFacetIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_products_facet_values",
                table: "products");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_products_facet_values",
                table: "products",
                column: "facet_values")
                .Annotation("Npgsql:IndexMethod", "gin");
        }
    }
}
