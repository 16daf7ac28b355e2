using Avnera.Data.Common;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Avnera.Data.Products.Migrations
{
    /// <summary>Search candidates through the security-barrier view app.search_matches (replaces app.search_products).</summary>
    public partial class SearchMatchesView : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(SqlScripts.Read("search_matches.sql"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP VIEW IF EXISTS app.search_matches;
                DROP FUNCTION IF EXISTS app.search_query();
                CREATE FUNCTION app.search_products(p_language text, p_config regconfig, p_query text)
                RETURNS TABLE (product_id uuid, rank real, category_id uuid, price numeric, in_stock boolean, facet_values text[],
                               published_at timestamptz, rating_average numeric, rating_count integer)
                LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $f$
                DECLARE
                    q tsquery := to_tsquery(p_config, p_query);
                    s uuid := app.store_id();
                BEGIN
                    RETURN QUERY SELECT ps.product_id, ts_rank(ps.document, q), ps.category_id, ps.price, ps.in_stock, ps.facet_values,
                            ps.published_at, ps.rating_average, ps.rating_count
                        FROM product_search ps
                        WHERE ps.store_id = s AND ps.language = p_language AND ps.document @@ q;
                END
                $f$;
                GRANT CREATE ON SCHEMA app TO service_role;
                ALTER FUNCTION app.search_products(text, regconfig, text) OWNER TO service_role;
                REVOKE CREATE ON SCHEMA app FROM service_role;
                REVOKE ALL ON FUNCTION app.search_products(text, regconfig, text) FROM PUBLIC;
                GRANT EXECUTE ON FUNCTION app.search_products(text, regconfig, text) TO anon, authenticated, service_role;
                """);
        }
    }
}
