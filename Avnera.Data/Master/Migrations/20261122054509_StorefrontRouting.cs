using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Avnera.Data.Master.Migrations
{
    /// <summary>Old store slugs that redirect (301) to the current one; the missing default-shipping unique index.</summary>
    public partial class StorefrontRouting : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameIndex(
                name: "ux_user_addresses_user_id",
                table: "user_addresses",
                newName: "ux_user_addresses_default_billing");

            migrationBuilder.CreateTable(
                name: "store_slug_redirects",
                columns: table => new
                {
                    slug = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    store_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_store_slug_redirects", x => x.slug);
                    table.ForeignKey(
                        name: "fk_store_slug_redirects_stores_store_id",
                        column: x => x.store_id,
                        principalTable: "stores",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ux_user_addresses_default_shipping",
                table: "user_addresses",
                column: "user_id",
                unique: true,
                filter: "is_default_shipping");

            migrationBuilder.CreateIndex(
                name: "ix_store_slug_redirects_store_id",
                table: "store_slug_redirects",
                column: "store_id");

            // Routing data of the platform: read by the store resolver (service_role), managed by platform admins.
            migrationBuilder.Sql("""
                ALTER TABLE store_slug_redirects ENABLE ROW LEVEL SECURITY;
                ALTER TABLE store_slug_redirects FORCE ROW LEVEL SECURITY;
                CREATE POLICY platform ON store_slug_redirects TO service_role USING (true) WITH CHECK (true);
                CREATE POLICY platform_admin ON store_slug_redirects TO authenticated
                    USING ((SELECT app.is_platform_admin())) WITH CHECK ((SELECT app.is_platform_admin()));
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "store_slug_redirects");

            migrationBuilder.DropIndex(
                name: "ux_user_addresses_default_shipping",
                table: "user_addresses");

            migrationBuilder.RenameIndex(
                name: "ux_user_addresses_default_billing",
                table: "user_addresses",
                newName: "ux_user_addresses_user_id");
        }
    }
}
