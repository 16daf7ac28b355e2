using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Avnera.Data.Master.Migrations
{
    /// <summary>
    /// One postal-address shape in both databases (PostalAddress, issue 9): user_addresses: a postal code is optional, as for customer addresses (some countries have none).
    /// Columns only, so no frozen SQL: grants and policies are unchanged.
    /// </summary>
    public partial class PostalAddressShape : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "postal_code",
                table: "user_addresses",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(20)",
                oldMaxLength: 20);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "postal_code",
                table: "user_addresses",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "character varying(20)",
                oldMaxLength: 20,
                oldNullable: true);
        }
    }
}
