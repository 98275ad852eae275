using Microsoft.EntityFrameworkCore.Migrations;
using Twin.Data.Search;

#nullable disable

namespace Twin.Data.Migrations
{
    /// <summary>
    /// Search keys carry the ticket's filter, facet and rank columns (status, channel, category, 街镇,
    /// report time, corridor, overdue steps, departments, title, address), kept current by the triggers,
    /// so that search counts and ranks a thousand matches from the index and its keys alone. The keys
    /// themselves, the FTS5 rows and the pairs are kept.
    /// </summary>
    public partial class SearchKeysCarryTicketColumns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in SearchIndexSql.DropTriggers().Concat(SearchIndexSql.CarryTicketColumns()).Concat(SearchIndexSql.Triggers()))
            {
                migrationBuilder.Sql(sql);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in SearchIndexSql.UncarryTicketColumns())
            {
                migrationBuilder.Sql(sql);
            }
        }
    }
}
