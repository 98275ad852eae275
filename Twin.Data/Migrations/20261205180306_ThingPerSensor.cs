using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Twin.Data.Migrations
{
    /// <inheritdoc />
    public partial class ThingPerSensor : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "thing_id",
                table: "sensors",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_sensors_thing_id",
                table: "sensors",
                column: "thing_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_sensors_thing_id",
                table: "sensors");

            migrationBuilder.DropColumn(
                name: "thing_id",
                table: "sensors");
        }
    }
}
