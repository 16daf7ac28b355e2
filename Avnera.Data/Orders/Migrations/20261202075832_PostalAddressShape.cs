using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Avnera.Data.Orders.Migrations
{
    /// <summary>
    /// One postal-address shape in both databases (PostalAddress, issue 9): customer_addresses: a label of up to 60 characters, as for a person's own addresses.
    /// Columns only, so no frozen SQL: grants and policies are unchanged.
    /// </summary>
    public partial class PostalAddressShape : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "label",
                table: "customer_addresses",
                type: "character varying(60)",
                maxLength: 60,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(50)",
                oldMaxLength: 50,
                oldNullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "label",
                table: "customer_addresses",
                type: "character varying(50)",
                maxLength: 50,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(60)",
                oldMaxLength: 60,
                oldNullable: true);
        }
    }
}
