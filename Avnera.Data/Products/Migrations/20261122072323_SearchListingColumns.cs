using System;
using System.Collections.Generic;
using Avnera.Data.Common;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Avnera.Data.Products.Migrations
{
    /// <summary>Listing columns copied onto product_search (kept by a trigger); search functions return them.</summary>
    public partial class SearchListingColumns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "category_id",
                table: "product_search",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<List<string>>(
                name: "facet_values",
                table: "product_search",
                type: "text[]",
                nullable: false,
                defaultValueSql: "'{}'::text[]");

            migrationBuilder.AddColumn<bool>(
                name: "in_stock",
                table: "product_search",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<decimal>(
                name: "price",
                table: "product_search",
                type: "numeric(14,2)",
                precision: 14,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "published_at",
                table: "product_search",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "rating_average",
                table: "product_search",
                type: "numeric(3,2)",
                precision: 3,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<int>(
                name: "rating_count",
                table: "product_search",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.Sql(SqlScripts.Read("search_listing_columns.sql"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS trg_products_search_listing ON products;
                DROP FUNCTION IF EXISTS app.sync_search_listing();
                """);
            migrationBuilder.DropColumn(
                name: "category_id",
                table: "product_search");

            migrationBuilder.DropColumn(
                name: "facet_values",
                table: "product_search");

            migrationBuilder.DropColumn(
                name: "in_stock",
                table: "product_search");

            migrationBuilder.DropColumn(
                name: "price",
                table: "product_search");

            migrationBuilder.DropColumn(
                name: "published_at",
                table: "product_search");

            migrationBuilder.DropColumn(
                name: "rating_average",
                table: "product_search");

            migrationBuilder.DropColumn(
                name: "rating_count",
                table: "product_search");
        }
    }
}
