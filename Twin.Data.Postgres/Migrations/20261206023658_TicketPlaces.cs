using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Twin.Data.Postgres.Migrations
{
    /// <summary>
    /// PostGIS for the reports near each other (the briefing's repeated complaints): each ticket's
    /// point in the district's local metres, kept by the server from lon/lat, with a GiST index.
    /// </summary>
    public partial class TicketPlaces : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS postgis");

            // LocalProjection.Putuo's terms (origin 121.39, 31.26; WGS-84 metres per degree there) as
            // round-trip literals: planar metres measure exactly as the comparison in memory does on
            // SQLite, so both engines find the same places, including reports on the 100 m line.
            // A geography column would measure on the spheroid, some centimetres apart from it.
            migrationBuilder.Sql(
                """
                ALTER TABLE tickets ADD COLUMN place_metres geometry(Point, 0)
                    GENERATED ALWAYS AS (ST_MakePoint((lon - 121.39) * 95244.15889732674, (lat - 31.26) * 110873.94372353016)) STORED
                """);
            migrationBuilder.Sql("CREATE INDEX ix_tickets_place_metres ON tickets USING gist (place_metres)");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS ix_tickets_place_metres");
            migrationBuilder.Sql("ALTER TABLE tickets DROP COLUMN IF EXISTS place_metres");
        }
    }
}
