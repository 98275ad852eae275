using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Twin.Data.Migrations
{
    /// <inheritdoc />
    public partial class Dispatch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "coordinating_departments",
                table: "tickets",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "department",
                table: "tickets",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "duplicates_count",
                table: "tickets",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "merged_into_id",
                table: "tickets",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "overdue_steps",
                table: "tickets",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "possible_duplicate_of",
                table: "tickets",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "reopened_count",
                table: "tickets",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "satisfied",
                table: "tickets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "step_due_at",
                table: "tickets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "supervision_level",
                table: "tickets",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "ix_tickets_merged_into_id",
                table: "tickets",
                column: "merged_into_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_tickets_merged_into_id",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "coordinating_departments",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "department",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "duplicates_count",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "merged_into_id",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "overdue_steps",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "possible_duplicate_of",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "reopened_count",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "satisfied",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "step_due_at",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "supervision_level",
                table: "tickets");
        }
    }
}
