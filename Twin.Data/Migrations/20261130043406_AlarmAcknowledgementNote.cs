using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Twin.Data.Migrations
{
    /// <inheritdoc />
    public partial class AlarmAcknowledgementNote : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "acknowledgement_note",
                table: "alarms",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "note",
                table: "alarm_history",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "acknowledgement_note",
                table: "alarms");

            migrationBuilder.DropColumn(
                name: "note",
                table: "alarm_history");
        }
    }
}
