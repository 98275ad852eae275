using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Twin.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReporterStatement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "reporter_statement",
                table: "tickets",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "reporter_statement",
                table: "tickets");
        }
    }
}
