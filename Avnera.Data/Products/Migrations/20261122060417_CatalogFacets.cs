using System.Collections.Generic;
using Avnera.Data.Common;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Avnera.Data.Products.Migrations
{
    /// <summary>Listing index on products: facet values and in-stock flag (kept by a trigger), backfilled.</summary>
    public partial class CatalogFacets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<List<string>>(
                name: "facet_values",
                table: "products",
                type: "text[]",
                nullable: false,
                defaultValueSql: "'{}'::text[]");

            migrationBuilder.AddColumn<bool>(
                name: "in_stock",
                table: "products",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateIndex(
                name: "ix_products_facet_values",
                table: "products",
                column: "facet_values")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.Sql(SqlScripts.Read("catalog_facets.sql"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS trg_product_variants_in_stock ON product_variants;
                DROP FUNCTION IF EXISTS app.sync_product_in_stock(), app.has_stock(uuid, uuid), app.facet_values(uuid, uuid);
                """);
            migrationBuilder.DropIndex(
                name: "ix_products_facet_values",
                table: "products");

            migrationBuilder.DropColumn(
                name: "facet_values",
                table: "products");

            migrationBuilder.DropColumn(
                name: "in_stock",
                table: "products");
        }
    }
}
