using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Twin.Data.Migrations
{
    /// <inheritdoc />
    public partial class ObservationRollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "observation_daily",
                columns: table => new
                {
                    sensor_id = table.Column<string>(type: "TEXT", nullable: false),
                    period_start = table.Column<long>(type: "INTEGER", nullable: false),
                    count = table.Column<int>(type: "INTEGER", nullable: false),
                    min = table.Column<double>(type: "REAL", nullable: false),
                    mean = table.Column<double>(type: "REAL", nullable: false),
                    max = table.Column<double>(type: "REAL", nullable: false),
                    last = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_observation_daily", x => new { x.sensor_id, x.period_start });
                    table.ForeignKey(
                        name: "fk_observation_daily_sensors_sensor_id",
                        column: x => x.sensor_id,
                        principalTable: "sensors",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "observation_hourly",
                columns: table => new
                {
                    sensor_id = table.Column<string>(type: "TEXT", nullable: false),
                    period_start = table.Column<long>(type: "INTEGER", nullable: false),
                    count = table.Column<int>(type: "INTEGER", nullable: false),
                    min = table.Column<double>(type: "REAL", nullable: false),
                    mean = table.Column<double>(type: "REAL", nullable: false),
                    max = table.Column<double>(type: "REAL", nullable: false),
                    last = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_observation_hourly", x => new { x.sensor_id, x.period_start });
                    table.ForeignKey(
                        name: "fk_observation_hourly_sensors_sensor_id",
                        column: x => x.sensor_id,
                        principalTable: "sensors",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_observation_daily_period_start",
                table: "observation_daily",
                column: "period_start");

            migrationBuilder.CreateIndex(
                name: "ix_observation_hourly_period_start",
                table: "observation_hourly",
                column: "period_start");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "observation_daily");

            migrationBuilder.DropTable(
                name: "observation_hourly");
        }
    }
}
