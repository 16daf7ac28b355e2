using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Avnera.Data.Master.Migrations
{
    /// <inheritdoc />
    public partial class SessionProviderTokens : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "provider_access_token",
                table: "user_sessions",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "provider_expires_at",
                table: "user_sessions",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "provider_refresh_token",
                table: "user_sessions",
                type: "text",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "provider_access_token",
                table: "user_sessions");

            migrationBuilder.DropColumn(
                name: "provider_expires_at",
                table: "user_sessions");

            migrationBuilder.DropColumn(
                name: "provider_refresh_token",
                table: "user_sessions");
        }
    }
}
