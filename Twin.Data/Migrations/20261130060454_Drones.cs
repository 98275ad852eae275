using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Twin.Data.Migrations
{
    /// <inheritdoc />
    public partial class Drones : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "drones",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", nullable: false),
                    model = table.Column<string>(type: "TEXT", nullable: false),
                    home_lon = table.Column<double>(type: "REAL", nullable: false),
                    home_lat = table.Column<double>(type: "REAL", nullable: false),
                    max_speed_mps = table.Column<double>(type: "REAL", nullable: false),
                    feed_url = table.Column<string>(type: "TEXT", nullable: true),
                    status = table.Column<string>(type: "TEXT", nullable: false),
                    lon = table.Column<double>(type: "REAL", nullable: false),
                    lat = table.Column<double>(type: "REAL", nullable: false),
                    altitude_m = table.Column<double>(type: "REAL", nullable: false),
                    heading_deg = table.Column<double>(type: "REAL", nullable: false),
                    speed_mps = table.Column<double>(type: "REAL", nullable: false),
                    battery_percent = table.Column<double>(type: "REAL", nullable: false),
                    link_percent = table.Column<double>(type: "REAL", nullable: false),
                    last_telemetry_at = table.Column<long>(type: "INTEGER", nullable: true),
                    mission_id = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_drones", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "drone_telemetry",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    drone_id = table.Column<string>(type: "TEXT", nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: false),
                    lon = table.Column<double>(type: "REAL", nullable: false),
                    lat = table.Column<double>(type: "REAL", nullable: false),
                    altitude_m = table.Column<double>(type: "REAL", nullable: false),
                    heading_deg = table.Column<double>(type: "REAL", nullable: false),
                    speed_mps = table.Column<double>(type: "REAL", nullable: false),
                    battery_percent = table.Column<double>(type: "REAL", nullable: false),
                    link_percent = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_drone_telemetry", x => x.id);
                    table.ForeignKey(
                        name: "fk_drone_telemetry_drones_drone_id",
                        column: x => x.drone_id,
                        principalTable: "drones",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "evidence",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", nullable: false),
                    ticket_id = table.Column<string>(type: "TEXT", nullable: false),
                    drone_id = table.Column<string>(type: "TEXT", nullable: false),
                    captured_at = table.Column<long>(type: "INTEGER", nullable: false),
                    lon = table.Column<double>(type: "REAL", nullable: false),
                    lat = table.Column<double>(type: "REAL", nullable: false),
                    altitude_m = table.Column<double>(type: "REAL", nullable: false),
                    sha256 = table.Column<string>(type: "TEXT", nullable: false),
                    actor = table.Column<string>(type: "TEXT", nullable: false),
                    jpeg = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_evidence", x => x.id);
                    table.ForeignKey(
                        name: "fk_evidence_drones_drone_id",
                        column: x => x.drone_id,
                        principalTable: "drones",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_evidence_tickets_ticket_id",
                        column: x => x.ticket_id,
                        principalTable: "tickets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "missions",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", nullable: false),
                    drone_id = table.Column<string>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", nullable: false),
                    status = table.Column<string>(type: "TEXT", nullable: false),
                    route_id = table.Column<string>(type: "TEXT", nullable: true),
                    target_id = table.Column<string>(type: "TEXT", nullable: true),
                    waypoints = table.Column<string>(type: "TEXT", nullable: false),
                    planned_at = table.Column<long>(type: "INTEGER", nullable: false),
                    scheduled_for = table.Column<long>(type: "INTEGER", nullable: true),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    actor = table.Column<string>(type: "TEXT", nullable: false),
                    note = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_missions", x => x.id);
                    table.ForeignKey(
                        name: "fk_missions_drones_drone_id",
                        column: x => x.drone_id,
                        principalTable: "drones",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_drone_telemetry_drone_id_at",
                table: "drone_telemetry",
                columns: new[] { "drone_id", "at" });

            migrationBuilder.CreateIndex(
                name: "IX_evidence_drone_id",
                table: "evidence",
                column: "drone_id");

            migrationBuilder.CreateIndex(
                name: "ix_evidence_ticket_id",
                table: "evidence",
                column: "ticket_id");

            migrationBuilder.CreateIndex(
                name: "IX_missions_drone_id",
                table: "missions",
                column: "drone_id");

            migrationBuilder.CreateIndex(
                name: "ix_missions_status",
                table: "missions",
                column: "status");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "drone_telemetry");

            migrationBuilder.DropTable(
                name: "evidence");

            migrationBuilder.DropTable(
                name: "missions");

            migrationBuilder.DropTable(
                name: "drones");
        }
    }
}
