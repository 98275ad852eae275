using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Twin.Data.Migrations
{
    /// <inheritdoc />
    public partial class FieldReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "field_reports",
                columns: table => new
                {
                    key = table.Column<string>(type: "TEXT", nullable: false),
                    ticket_id = table.Column<string>(type: "TEXT", nullable: false),
                    actor = table.Column<string>(type: "TEXT", nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: false),
                    note = table.Column<string>(type: "TEXT", nullable: false),
                    content = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_field_reports", x => x.key);
                    table.ForeignKey(
                        name: "fk_field_reports_tickets_ticket_id",
                        column: x => x.ticket_id,
                        principalTable: "tickets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "field_photos",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", nullable: false),
                    report_key = table.Column<string>(type: "TEXT", nullable: false),
                    ticket_id = table.Column<string>(type: "TEXT", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    content_type = table.Column<string>(type: "TEXT", nullable: false),
                    image = table.Column<byte[]>(type: "BLOB", nullable: true),
                    bytes = table.Column<int>(type: "INTEGER", nullable: false),
                    sha256 = table.Column<string>(type: "TEXT", nullable: false),
                    original_sha256 = table.Column<string>(type: "TEXT", nullable: false),
                    exif_lon = table.Column<double>(type: "REAL", nullable: true),
                    exif_lat = table.Column<double>(type: "REAL", nullable: true),
                    taken_at = table.Column<long>(type: "INTEGER", nullable: true),
                    uploaded_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_field_photos", x => x.id);
                    table.ForeignKey(
                        name: "fk_field_photos_field_reports_report_key",
                        column: x => x.report_key,
                        principalTable: "field_reports",
                        principalColumn: "key",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_field_photos_report_key",
                table: "field_photos",
                column: "report_key");

            migrationBuilder.CreateIndex(
                name: "ix_field_photos_ticket_id",
                table: "field_photos",
                column: "ticket_id");

            migrationBuilder.CreateIndex(
                name: "ix_field_photos_uploaded_at",
                table: "field_photos",
                column: "uploaded_at");

            migrationBuilder.CreateIndex(
                name: "ix_field_reports_ticket_id",
                table: "field_reports",
                column: "ticket_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "field_photos");

            migrationBuilder.DropTable(
                name: "field_reports");
        }
    }
}
