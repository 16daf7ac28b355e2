using System;
using System.Collections.Generic;
using Avnera.Data.Common;
using Microsoft.EntityFrameworkCore.Migrations;
using NpgsqlTypes;

#nullable disable

namespace Avnera.Data.Products.Migrations
{
    /// <summary>
    /// The one baseline of this database (decision 0008): EF's tables, then the frozen SQL beside this file
    /// (security, functions, grants, Row Level Security), whose SHA-256 is named below.
    /// </summary>
    public partial class Baseline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:btree_gin", ",,")
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.CreateTable(
                name: "stores",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    email = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    currency = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: false),
                    culture = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    default_language = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    languages = table.Column<List<string>>(type: "text[]", nullable: false),
                    timezone = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    logo_url = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    theme = table.Column<string>(type: "jsonb", nullable: false),
                    settings = table.Column<string>(type: "jsonb", nullable: false),
                    contact = table.Column<string>(type: "jsonb", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_stores", x => x.id);
                    table.CheckConstraint("ck_stores_currency", "currency ~ '^[A-Z]{3}$'");
                    table.CheckConstraint("ck_stores_default_language", "default_language = any(languages)");
                });

            migrationBuilder.CreateTable(
                name: "categories",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    store_id = table.Column<Guid>(type: "uuid", nullable: false),
                    parent_id = table.Column<Guid>(type: "uuid", nullable: true),
                    slug = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "text", nullable: true),
                    position = table.Column<int>(type: "integer", nullable: false),
                    is_published = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_categories", x => new { x.store_id, x.id });
                    table.CheckConstraint("ck_categories_not_own_parent", "parent_id is null or parent_id <> id");
                    table.ForeignKey(
                        name: "fk_categories_categories_store_id_parent_id",
                        columns: x => new { x.store_id, x.parent_id },
                        principalTable: "categories",
                        principalColumns: new[] { "store_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_categories_stores_store_id",
                        column: x => x.store_id,
                        principalTable: "stores",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "cms_pages",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    store_id = table.Column<Guid>(type: "uuid", nullable: false),
                    slug = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    language = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    meta_title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    meta_description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cms_pages", x => new { x.store_id, x.id });
                    table.CheckConstraint("ck_cms_pages_status", "status in ('draft', 'published', 'archived')");
                    table.ForeignKey(
                        name: "fk_cms_pages_stores_store_id",
                        column: x => x.store_id,
                        principalTable: "stores",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "collections",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    store_id = table.Column<Guid>(type: "uuid", nullable: false),
                    slug = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "text", nullable: true),
                    is_published = table.Column<bool>(type: "boolean", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_collections", x => new { x.store_id, x.id });
                    table.ForeignKey(
                        name: "fk_collections_stores_store_id",
                        column: x => x.store_id,
                        principalTable: "stores",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "product_attributes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    store_id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    is_filterable = table.Column<bool>(type: "boolean", nullable: false),
                    is_variant_option = table.Column<bool>(type: "boolean", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_product_attributes", x => new { x.store_id, x.id });
                    table.CheckConstraint("ck_product_attributes_kind", "kind in ('select', 'text', 'number')");
                    table.ForeignKey(
                        name: "fk_product_attributes_stores_store_id",
                        column: x => x.store_id,
                        principalTable: "stores",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

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

            migrationBuilder.CreateTable(
                name: "shopping_cart",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    store_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    anonymous_token = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    currency = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_shopping_cart", x => new { x.store_id, x.id });
                    table.CheckConstraint("ck_shopping_cart_currency", "currency ~ '^[A-Z]{3}$'");
                    table.CheckConstraint("ck_shopping_cart_owner", "user_id is not null or anonymous_token is not null");
                    table.ForeignKey(
                        name: "fk_shopping_cart_stores_store_id",
                        column: x => x.store_id,
                        principalTable: "stores",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "category_translations",
                columns: table => new
                {
                    store_id = table.Column<Guid>(type: "uuid", nullable: false),
                    category_id = table.Column<Guid>(type: "uuid", nullable: false),
                    language = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_category_translations", x => new { x.store_id, x.category_id, x.language });
                    table.ForeignKey(
                        name: "fk_category_translations_categories_store_id_category_id",
                        columns: x => new { x.store_id, x.category_id },
                        principalTable: "categories",
                        principalColumns: new[] { "store_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_category_translations_stores_store_id",
                        column: x => x.store_id,
                        principalTable: "stores",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "products",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    store_id = table.Column<Guid>(type: "uuid", nullable: false),
                    slug = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    description = table.Column<string>(type: "text", nullable: true),
                    brand = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    category_id = table.Column<Guid>(type: "uuid", nullable: true),
                    price = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    compare_at_price = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: true),
                    rating_average = table.Column<decimal>(type: "numeric(3,2)", precision: 3, scale: 2, nullable: false),
                    rating_count = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    facet_values = table.Column<List<string>>(type: "text[]", nullable: false, defaultValueSql: "'{}'::text[]"),
                    in_stock = table.Column<bool>(type: "boolean", nullable: false, defaultValue: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_products", x => new { x.store_id, x.id });
                    table.CheckConstraint("ck_products_compare_at_price", "compare_at_price is null or compare_at_price >= 0");
                    table.CheckConstraint("ck_products_price", "price >= 0");
                    table.CheckConstraint("ck_products_rating", "rating_average between 0 and 5 and rating_count >= 0");
                    table.CheckConstraint("ck_products_status", "status in ('draft', 'published', 'archived')");
                    table.ForeignKey(
                        name: "fk_products_categories_store_id_category_id",
                        columns: x => new { x.store_id, x.category_id },
                        principalTable: "categories",
                        principalColumns: new[] { "store_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_products_stores_store_id",
                        column: x => x.store_id,
                        principalTable: "stores",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "cms_blocks",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    store_id = table.Column<Guid>(type: "uuid", nullable: false),
                    page_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    content = table.Column<string>(type: "jsonb", nullable: false, defaultValueSql: "'{}'::jsonb")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cms_blocks", x => new { x.store_id, x.id });
                    table.CheckConstraint("ck_cms_blocks_content", "jsonb_typeof(content) = 'object'");
                    table.CheckConstraint("ck_cms_blocks_kind", "kind in ('hero', 'featured_collection', 'text', 'image', 'product_grid')");
                    table.ForeignKey(
                        name: "fk_cms_blocks_cms_pages_store_id_page_id",
                        columns: x => new { x.store_id, x.page_id },
                        principalTable: "cms_pages",
                        principalColumns: new[] { "store_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_cms_blocks_stores_store_id",
                        column: x => x.store_id,
                        principalTable: "stores",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "collection_products",
                columns: table => new
                {
                    store_id = table.Column<Guid>(type: "uuid", nullable: false),
                    collection_id = table.Column<Guid>(type: "uuid", nullable: false),
                    product_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_collection_products", x => new { x.store_id, x.collection_id, x.product_id });
                    table.ForeignKey(
                        name: "fk_collection_products_collections_store_id_collection_id",
                        columns: x => new { x.store_id, x.collection_id },
                        principalTable: "collections",
                        principalColumns: new[] { "store_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_collection_products_products_store_id_product_id",
                        columns: x => new { x.store_id, x.product_id },
                        principalTable: "products",
                        principalColumns: new[] { "store_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_collection_products_stores_store_id",
                        column: x => x.store_id,
                        principalTable: "stores",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "product_reviews",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    store_id = table.Column<Guid>(type: "uuid", nullable: false),
                    product_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    author_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    rating = table.Column<short>(type: "smallint", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    body = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: true),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    helpful_count = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_product_reviews", x => new { x.store_id, x.id });
                    table.CheckConstraint("ck_product_reviews_helpful_count", "helpful_count >= 0");
                    table.CheckConstraint("ck_product_reviews_rating", "rating between 1 and 5");
                    table.CheckConstraint("ck_product_reviews_status", "status in ('pending', 'published', 'rejected')");
                    table.ForeignKey(
                        name: "fk_product_reviews_products_store_id_product_id",
                        columns: x => new { x.store_id, x.product_id },
                        principalTable: "products",
                        principalColumns: new[] { "store_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_product_reviews_stores_store_id",
                        column: x => x.store_id,
                        principalTable: "stores",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "product_search",
                columns: table => new
                {
                    store_id = table.Column<Guid>(type: "uuid", nullable: false),
                    product_id = table.Column<Guid>(type: "uuid", nullable: false),
                    language = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    config = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    document = table.Column<NpgsqlTsVector>(type: "tsvector", nullable: false),
                    name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    category_id = table.Column<Guid>(type: "uuid", nullable: true),
                    price = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    in_stock = table.Column<bool>(type: "boolean", nullable: false),
                    facet_values = table.Column<List<string>>(type: "text[]", nullable: false, defaultValueSql: "'{}'::text[]"),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    rating_average = table.Column<decimal>(type: "numeric(3,2)", precision: 3, scale: 2, nullable: false),
                    rating_count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_product_search", x => new { x.store_id, x.product_id, x.language });
                    table.ForeignKey(
                        name: "fk_product_search_products_store_id_product_id",
                        columns: x => new { x.store_id, x.product_id },
                        principalTable: "products",
                        principalColumns: new[] { "store_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_product_search_stores_store_id",
                        column: x => x.store_id,
                        principalTable: "stores",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "product_translations",
                columns: table => new
                {
                    store_id = table.Column<Guid>(type: "uuid", nullable: false),
                    product_id = table.Column<Guid>(type: "uuid", nullable: false),
                    language = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    description = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_product_translations", x => new { x.store_id, x.product_id, x.language });
                    table.ForeignKey(
                        name: "fk_product_translations_products_store_id_product_id",
                        columns: x => new { x.store_id, x.product_id },
                        principalTable: "products",
                        principalColumns: new[] { "store_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_product_translations_stores_store_id",
                        column: x => x.store_id,
                        principalTable: "stores",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "product_variants",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    store_id = table.Column<Guid>(type: "uuid", nullable: false),
                    product_id = table.Column<Guid>(type: "uuid", nullable: false),
                    sku = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    price = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: true),
                    stock_on_hand = table.Column<int>(type: "integer", nullable: false),
                    stock_reserved = table.Column<int>(type: "integer", nullable: false),
                    weight_grams = table.Column<int>(type: "integer", nullable: true),
                    position = table.Column<int>(type: "integer", nullable: false),
                    is_active = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_product_variants", x => new { x.store_id, x.id });
                    table.CheckConstraint("ck_product_variants_price", "price is null or price >= 0");
                    table.CheckConstraint("ck_product_variants_stock", "stock_on_hand >= 0 and stock_reserved >= 0 and stock_reserved <= stock_on_hand");
                    table.ForeignKey(
                        name: "fk_product_variants_products_store_id_product_id",
                        columns: x => new { x.store_id, x.product_id },
                        principalTable: "products",
                        principalColumns: new[] { "store_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_product_variants_stores_store_id",
                        column: x => x.store_id,
                        principalTable: "stores",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "review_votes",
                columns: table => new
                {
                    store_id = table.Column<Guid>(type: "uuid", nullable: false),
                    review_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    is_helpful = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_review_votes", x => new { x.store_id, x.review_id, x.user_id });
                    table.ForeignKey(
                        name: "fk_review_votes_product_reviews_store_id_review_id",
                        columns: x => new { x.store_id, x.review_id },
                        principalTable: "product_reviews",
                        principalColumns: new[] { "store_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_review_votes_stores_store_id",
                        column: x => x.store_id,
                        principalTable: "stores",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "inventory_movements",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    store_id = table.Column<Guid>(type: "uuid", nullable: false),
                    variant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    quantity = table.Column<int>(type: "integer", nullable: false),
                    order_id = table.Column<Guid>(type: "uuid", nullable: true),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inventory_movements", x => new { x.store_id, x.id });
                    table.CheckConstraint("ck_inventory_movements_kind", "kind in ('receipt', 'adjustment', 'reservation', 'release', 'sale', 'return')");
                    table.CheckConstraint("ck_inventory_movements_quantity", "quantity <> 0");
                    table.ForeignKey(
                        name: "fk_inventory_movements_product_variants_store_id_variant_id",
                        columns: x => new { x.store_id, x.variant_id },
                        principalTable: "product_variants",
                        principalColumns: new[] { "store_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_inventory_movements_stores_store_id",
                        column: x => x.store_id,
                        principalTable: "stores",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "product_attribute_values",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    store_id = table.Column<Guid>(type: "uuid", nullable: false),
                    product_id = table.Column<Guid>(type: "uuid", nullable: false),
                    variant_id = table.Column<Guid>(type: "uuid", nullable: true),
                    attribute_id = table.Column<Guid>(type: "uuid", nullable: false),
                    value = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    numeric_value = table.Column<decimal>(type: "numeric(14,4)", precision: 14, scale: 4, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_product_attribute_values", x => new { x.store_id, x.id });
                    table.ForeignKey(
                        name: "fk_product_attribute_values_product_attributes_store_id_attrib",
                        columns: x => new { x.store_id, x.attribute_id },
                        principalTable: "product_attributes",
                        principalColumns: new[] { "store_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_product_attribute_values_product_variants_store_id_variant_",
                        columns: x => new { x.store_id, x.variant_id },
                        principalTable: "product_variants",
                        principalColumns: new[] { "store_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_product_attribute_values_products_store_id_product_id",
                        columns: x => new { x.store_id, x.product_id },
                        principalTable: "products",
                        principalColumns: new[] { "store_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_product_attribute_values_stores_store_id",
                        column: x => x.store_id,
                        principalTable: "stores",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "product_images",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    store_id = table.Column<Guid>(type: "uuid", nullable: false),
                    product_id = table.Column<Guid>(type: "uuid", nullable: false),
                    variant_id = table.Column<Guid>(type: "uuid", nullable: true),
                    url = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    alt_text = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    position = table.Column<int>(type: "integer", nullable: false),
                    width = table.Column<int>(type: "integer", nullable: true),
                    height = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_product_images", x => new { x.store_id, x.id });
                    table.CheckConstraint("ck_product_images_size", "(width is null or width > 0) and (height is null or height > 0)");
                    table.ForeignKey(
                        name: "fk_product_images_product_variants_store_id_variant_id",
                        columns: x => new { x.store_id, x.variant_id },
                        principalTable: "product_variants",
                        principalColumns: new[] { "store_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_product_images_products_store_id_product_id",
                        columns: x => new { x.store_id, x.product_id },
                        principalTable: "products",
                        principalColumns: new[] { "store_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_product_images_stores_store_id",
                        column: x => x.store_id,
                        principalTable: "stores",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "shopping_cart_items",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    store_id = table.Column<Guid>(type: "uuid", nullable: false),
                    cart_id = table.Column<Guid>(type: "uuid", nullable: false),
                    variant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    quantity = table.Column<int>(type: "integer", nullable: false),
                    unit_price = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    added_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_shopping_cart_items", x => new { x.store_id, x.id });
                    table.CheckConstraint("ck_shopping_cart_items_quantity", "quantity > 0 and quantity <= 999");
                    table.CheckConstraint("ck_shopping_cart_items_unit_price", "unit_price >= 0");
                    table.ForeignKey(
                        name: "fk_shopping_cart_items_product_variants_store_id_variant_id",
                        columns: x => new { x.store_id, x.variant_id },
                        principalTable: "product_variants",
                        principalColumns: new[] { "store_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_shopping_cart_items_shopping_cart_store_id_cart_id",
                        columns: x => new { x.store_id, x.cart_id },
                        principalTable: "shopping_cart",
                        principalColumns: new[] { "store_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_shopping_cart_items_stores_store_id",
                        column: x => x.store_id,
                        principalTable: "stores",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "wishlists",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    store_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    product_id = table.Column<Guid>(type: "uuid", nullable: false),
                    variant_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_wishlists", x => new { x.store_id, x.id });
                    table.ForeignKey(
                        name: "fk_wishlists_product_variants_store_id_variant_id",
                        columns: x => new { x.store_id, x.variant_id },
                        principalTable: "product_variants",
                        principalColumns: new[] { "store_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_wishlists_products_store_id_product_id",
                        columns: x => new { x.store_id, x.product_id },
                        principalTable: "products",
                        principalColumns: new[] { "store_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_wishlists_stores_store_id",
                        column: x => x.store_id,
                        principalTable: "stores",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_categories_store_id_parent_id_position",
                table: "categories",
                columns: new[] { "store_id", "parent_id", "position" });

            migrationBuilder.CreateIndex(
                name: "ix_categories_store_id_slug",
                table: "categories",
                columns: new[] { "store_id", "slug" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_cms_blocks_store_id_page_id_position",
                table: "cms_blocks",
                columns: new[] { "store_id", "page_id", "position" });

            migrationBuilder.CreateIndex(
                name: "ix_cms_pages_store_id_slug_language",
                table: "cms_pages",
                columns: new[] { "store_id", "slug", "language" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_collection_products_store_id_collection_id_position",
                table: "collection_products",
                columns: new[] { "store_id", "collection_id", "position" });

            migrationBuilder.CreateIndex(
                name: "ix_collection_products_store_id_product_id",
                table: "collection_products",
                columns: new[] { "store_id", "product_id" });

            migrationBuilder.CreateIndex(
                name: "ix_collections_store_id_slug",
                table: "collections",
                columns: new[] { "store_id", "slug" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_inventory_movements_store_id_order_id_variant_id_kind",
                table: "inventory_movements",
                columns: new[] { "store_id", "order_id", "variant_id", "kind" },
                unique: true,
                filter: "order_id is not null");

            migrationBuilder.CreateIndex(
                name: "ix_inventory_movements_store_id_variant_id_created_at",
                table: "inventory_movements",
                columns: new[] { "store_id", "variant_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_product_attribute_values_store_id_attribute_id_value",
                table: "product_attribute_values",
                columns: new[] { "store_id", "attribute_id", "value" });

            migrationBuilder.CreateIndex(
                name: "ix_product_attribute_values_store_id_product_id",
                table: "product_attribute_values",
                columns: new[] { "store_id", "product_id" });

            migrationBuilder.CreateIndex(
                name: "ix_product_attribute_values_store_id_variant_id",
                table: "product_attribute_values",
                columns: new[] { "store_id", "variant_id" });

            migrationBuilder.CreateIndex(
                name: "ix_product_attributes_store_id_code",
                table: "product_attributes",
                columns: new[] { "store_id", "code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_product_images_store_id_product_id_position",
                table: "product_images",
                columns: new[] { "store_id", "product_id", "position" });

            migrationBuilder.CreateIndex(
                name: "ix_product_images_store_id_variant_id",
                table: "product_images",
                columns: new[] { "store_id", "variant_id" });

            migrationBuilder.CreateIndex(
                name: "ix_product_reviews_store_id_product_id_status_created_at",
                table: "product_reviews",
                columns: new[] { "store_id", "product_id", "status", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_product_reviews_store_id_product_id_user_id",
                table: "product_reviews",
                columns: new[] { "store_id", "product_id", "user_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_product_reviews_store_id_user_id",
                table: "product_reviews",
                columns: new[] { "store_id", "user_id" });

            migrationBuilder.CreateIndex(
                name: "ix_product_search_store_document",
                table: "product_search",
                columns: new[] { "store_id", "document" })
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_product_variants_store_id_product_id_position",
                table: "product_variants",
                columns: new[] { "store_id", "product_id", "position" });

            migrationBuilder.CreateIndex(
                name: "ix_product_variants_store_id_sku",
                table: "product_variants",
                columns: new[] { "store_id", "sku" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_products_store_id_category_id_status_price",
                table: "products",
                columns: new[] { "store_id", "category_id", "status", "price" });

            migrationBuilder.CreateIndex(
                name: "ix_products_store_id_slug",
                table: "products",
                columns: new[] { "store_id", "slug" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_products_store_id_status_published_at",
                table: "products",
                columns: new[] { "store_id", "status", "published_at" });

            migrationBuilder.CreateIndex(
                name: "ix_review_votes_store_id_user_id",
                table: "review_votes",
                columns: new[] { "store_id", "user_id" });

            migrationBuilder.CreateIndex(
                name: "ix_search_terms_store_term_trgm",
                table: "search_terms",
                columns: new[] { "store_id", "term" })
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "uuid_ops", "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_shopping_cart_expires_at",
                table: "shopping_cart",
                column: "expires_at");

            migrationBuilder.CreateIndex(
                name: "ix_shopping_cart_store_id_anonymous_token",
                table: "shopping_cart",
                columns: new[] { "store_id", "anonymous_token" },
                unique: true,
                filter: "anonymous_token is not null");

            migrationBuilder.CreateIndex(
                name: "ix_shopping_cart_store_id_user_id",
                table: "shopping_cart",
                columns: new[] { "store_id", "user_id" },
                unique: true,
                filter: "user_id is not null");

            migrationBuilder.CreateIndex(
                name: "ix_shopping_cart_items_store_id_cart_id_variant_id",
                table: "shopping_cart_items",
                columns: new[] { "store_id", "cart_id", "variant_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_shopping_cart_items_store_id_variant_id",
                table: "shopping_cart_items",
                columns: new[] { "store_id", "variant_id" });

            migrationBuilder.CreateIndex(
                name: "ix_wishlists_store_id_product_id",
                table: "wishlists",
                columns: new[] { "store_id", "product_id" });

            migrationBuilder.CreateIndex(
                name: "ix_wishlists_store_id_user_id_created_at",
                table: "wishlists",
                columns: new[] { "store_id", "user_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_wishlists_store_id_user_id_product_id_variant_id",
                table: "wishlists",
                columns: new[] { "store_id", "user_id", "product_id", "variant_id" },
                unique: true)
                .Annotation("Npgsql:NullsDistinct", false);

            migrationBuilder.CreateIndex(
                name: "ix_wishlists_store_id_variant_id",
                table: "wishlists",
                columns: new[] { "store_id", "variant_id" });

            migrationBuilder.Sql(MigrationSql.Read(this, "f24873646aa1785aa6979af3165bb72b8a19f05207bef909d9b0836c5b910387"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            throw new NotSupportedException("The baseline is not undone: drop the database instead.");
        }
    }
}
