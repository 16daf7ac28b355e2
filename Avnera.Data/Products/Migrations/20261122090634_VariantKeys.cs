using Avnera.Data.Common;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Avnera.Data.Products.Migrations
{
    /// <summary>variant_keys on products and product_search: attribute filters match per variant.</summary>
    public partial class VariantKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(SqlScripts.Read("variant_keys.sql"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP VIEW app.search_matches;
                DROP TRIGGER trg_products_search_listing ON products;
                ALTER TABLE products DROP COLUMN variant_keys;
                ALTER TABLE product_search DROP COLUMN variant_keys;
                DROP FUNCTION app.variant_keys(uuid, uuid);
                CREATE OR REPLACE FUNCTION app.sync_search_listing() RETURNS trigger LANGUAGE plpgsql AS $f$
                BEGIN
                    UPDATE product_search SET category_id = NEW.category_id, price = NEW.price, in_stock = NEW.in_stock,
                        facet_values = NEW.facet_values, published_at = NEW.published_at,
                        rating_average = NEW.rating_average, rating_count = NEW.rating_count
                    WHERE store_id = NEW.store_id AND product_id = NEW.id;
                    RETURN NULL;
                END
                $f$;
                CREATE TRIGGER trg_products_search_listing
                    AFTER UPDATE OF category_id, price, in_stock, facet_values, published_at, rating_average, rating_count ON products
                    FOR EACH ROW
                    WHEN ((OLD.category_id, OLD.price, OLD.in_stock, OLD.facet_values, OLD.published_at, OLD.rating_average, OLD.rating_count)
                          IS DISTINCT FROM (NEW.category_id, NEW.price, NEW.in_stock, NEW.facet_values, NEW.published_at, NEW.rating_average, NEW.rating_count))
                    EXECUTE FUNCTION app.sync_search_listing();
                CREATE VIEW app.search_matches WITH (security_barrier) AS
                    SELECT ps.product_id, ps.language, ts_rank(ps.document, q.query) AS rank, ps.category_id, ps.price, ps.in_stock,
                           ps.facet_values, ps.published_at, ps.rating_average, ps.rating_count, ps.facet_key
                    FROM (SELECT app.search_query() AS query OFFSET 0) q
                    JOIN product_search ps ON ps.store_id = app.store_id() AND ps.document @@ q.query;
                GRANT CREATE ON SCHEMA app TO service_role;
                ALTER VIEW app.search_matches OWNER TO service_role;
                REVOKE CREATE ON SCHEMA app FROM service_role;
                GRANT SELECT ON app.search_matches TO anon, authenticated, service_role;
                """);
        }
    }
}
