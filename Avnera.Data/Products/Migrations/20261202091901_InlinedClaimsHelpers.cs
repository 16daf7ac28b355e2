using Avnera.Data.Common;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Avnera.Data.Products.Migrations
{
    /// <summary>
    /// The claims helpers (app.claims_verified, app.claims, app.store_id, app.uid, app.is_platform_admin,
    /// app.is_store_staff, app.cart_token, new app.raw_claims) become SQL-standard functions that PostgreSQL
    /// inlines into the policies: names bound at creation instead of a SET search_path, ~6x cheaper per call
    /// (docs/benchmarks.md, bench/claims.sh). The frozen SQL beside this file, SHA-256 named below.
    /// </summary>
    public partial class InlinedClaimsHelpers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(MigrationSql.Read(this, "8dec7db2c1232f83011304a7529bccb7301b0ed874baa3491267375ea6b88c5f"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The inlined helpers answer exactly as the ones they replaced: nothing to undo.
        }
    }
}
