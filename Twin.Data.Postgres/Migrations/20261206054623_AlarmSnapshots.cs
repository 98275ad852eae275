using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Twin.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AlarmSnapshots : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "drone_id",
                table: "evidence",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text");

            migrationBuilder.AddColumn<string>(
                name: "camera_id",
                table: "evidence",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "snapshot_id",
                table: "alarms",
                type: "text",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "alarm_snapshots",
                columns: table => new
                {
                    id = table.Column<string>(type: "text", nullable: false),
                    alarm_id = table.Column<string>(type: "text", nullable: false),
                    camera_id = table.Column<string>(type: "text", nullable: false),
                    captured_at = table.Column<long>(type: "bigint", nullable: false),
                    sha256 = table.Column<string>(type: "text", nullable: false),
                    bytes = table.Column<int>(type: "integer", nullable: false),
                    jpeg = table.Column<byte[]>(type: "bytea", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_alarm_snapshots", x => x.id);
                    table.ForeignKey(
                        name: "fk_alarm_snapshots_alarms_alarm_id",
                        column: x => x.alarm_id,
                        principalTable: "alarms",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_alarm_snapshots_alarm_id",
                table: "alarm_snapshots",
                column: "alarm_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_alarm_snapshots_captured_at",
                table: "alarm_snapshots",
                column: "captured_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "alarm_snapshots");

            migrationBuilder.DropColumn(
                name: "camera_id",
                table: "evidence");

            migrationBuilder.DropColumn(
                name: "snapshot_id",
                table: "alarms");

            migrationBuilder.AlterColumn<string>(
                name: "drone_id",
                table: "evidence",
                type: "text",
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);
        }
    }
}
