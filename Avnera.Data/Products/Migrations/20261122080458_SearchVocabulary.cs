using System;
using Avnera.Data.Common;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Avnera.Data.Products.Migrations
{
    /// <summary>Search vocabulary for typo correction (search_terms, app.search_corrections); search index on (store, document).</summary>
    public partial class SearchVocabulary : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_product_search_name_trgm",
                table: "product_search");

            migrationBuilder.DropIndex(
                name: "ix_product_search_store_language_document",
                table: "product_search");

            migrationBuilder.CreateTable(
                name: "search_terms",
                columns: table => new
                {
                    store_id = table.Column<Guid>(type: "uuid", nullable: false),
                    language = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    term = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_search_terms", x => new { x.store_id, x.language, x.term });
                    table.ForeignKey(
                        name: "fk_search_terms_stores_store_id",
                        column: x => x.store_id,
                        principalTable: "stores",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_product_search_store_document",
                table: "product_search",
                columns: new[] { "store_id", "document" })
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_search_terms_store_term_trgm",
                table: "search_terms",
                columns: new[] { "store_id", "term" })
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "uuid_ops", "gin_trgm_ops" });

            migrationBuilder.Sql(SqlScripts.Read("search_vocabulary.sql"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS app.search_corrections(text, text[]); DROP FUNCTION IF EXISTS app.refresh_search_terms(uuid, uuid[]);");
            migrationBuilder.DropTable(
                name: "search_terms");

            migrationBuilder.DropIndex(
                name: "ix_product_search_store_document",
                table: "product_search");

            migrationBuilder.CreateIndex(
                name: "ix_product_search_name_trgm",
                table: "product_search",
                column: "name")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_product_search_store_language_document",
                table: "product_search",
                columns: new[] { "store_id", "language", "document" })
                .Annotation("Npgsql:IndexMethod", "gin");
        }
    }
}
