using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Twin.Data.Migrations
{
    /// <inheritdoc />
    public partial class DailyBriefings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "daily_briefings",
                columns: table => new
                {
                    day = table.Column<string>(type: "TEXT", nullable: false),
                    generated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    sha256 = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_daily_briefings", x => x.day);
                });

            // A kept briefing is a record of what the leaders were told: never changed, never removed.
            migrationBuilder.Sql(
                """
                CREATE TRIGGER daily_briefings_no_update BEFORE UPDATE ON daily_briefings
                BEGIN SELECT RAISE(ABORT, 'daily briefings are immutable'); END;
                """);
            migrationBuilder.Sql(
                """
                CREATE TRIGGER daily_briefings_no_delete BEFORE DELETE ON daily_briefings
                BEGIN SELECT RAISE(ABORT, 'daily briefings are immutable'); END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS daily_briefings_no_update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS daily_briefings_no_delete;");
            migrationBuilder.DropTable(
                name: "daily_briefings");
        }
    }
}
