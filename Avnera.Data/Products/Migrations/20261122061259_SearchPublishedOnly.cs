using Avnera.Data.Common;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Avnera.Data.Products.Migrations
{
    /// <summary>Search documents of published products only; one GIN index over store, language and document.</summary>
    public partial class SearchPublishedOnly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_product_search_document",
                table: "product_search");

            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:btree_gin", ",,")
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,")
                .OldAnnotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.CreateIndex(
                name: "ix_product_search_store_language_document",
                table: "product_search",
                columns: new[] { "store_id", "language", "document" })
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.Sql(SqlScripts.Read("search_published_only.sql"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS trg_products_unlist_unpublished ON products;
                DROP FUNCTION IF EXISTS app.unlist_unpublished_product();
                DROP POLICY storefront ON product_search;
                CREATE POLICY storefront ON product_search FOR SELECT TO anon, authenticated
                    USING (store_id = (SELECT app.store_id()) AND EXISTS (
                        SELECT 1 FROM products p WHERE p.store_id = product_search.store_id AND p.id = product_search.product_id));
                """);
            migrationBuilder.DropIndex(
                name: "ix_product_search_store_language_document",
                table: "product_search");

            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,")
                .OldAnnotation("Npgsql:PostgresExtension:btree_gin", ",,")
                .OldAnnotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.CreateIndex(
                name: "ix_product_search_document",
                table: "product_search",
                column: "document")
                .Annotation("Npgsql:IndexMethod", "gin");
        }
    }
}
