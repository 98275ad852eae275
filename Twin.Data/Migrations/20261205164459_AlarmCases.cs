using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Twin.Data.Migrations
{
    /// <inheritdoc />
    public partial class AlarmCases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "source_alarm_id",
                table: "tickets",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "assigned_to",
                table: "alarms",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "assignee_kind",
                table: "alarms",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "case_id",
                table: "alarms",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "duty_level",
                table: "alarms",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "source_alarm_id",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "assigned_to",
                table: "alarms");

            migrationBuilder.DropColumn(
                name: "assignee_kind",
                table: "alarms");

            migrationBuilder.DropColumn(
                name: "case_id",
                table: "alarms");

            migrationBuilder.DropColumn(
                name: "duty_level",
                table: "alarms");
        }
    }
}
