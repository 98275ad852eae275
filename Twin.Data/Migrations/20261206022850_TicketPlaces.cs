using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Twin.Data.Migrations
{
    /// <summary>
    /// Nothing on SQLite: the PostgreSQL set adds the tickets' PostGIS place and its index under this
    /// name; SQLite has no spatial index here and compares a week's reports in memory.
    /// </summary>
    public partial class TicketPlaces : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
