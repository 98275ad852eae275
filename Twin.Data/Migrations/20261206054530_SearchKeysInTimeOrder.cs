using Microsoft.EntityFrameworkCore.Migrations;
using Twin.Data.Search;

#nullable disable

namespace Twin.Data.Migrations
{
    /// <summary>
    /// Search keys follow report time (a ticket's second of report times 4,096, plus its place in that
    /// second), so that the index alone reads the newest matches first: the stored tickets are keyed
    /// and indexed afresh, and the insert trigger keys new tickets the same way.
    /// </summary>
    public partial class SearchKeysInTimeOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in SearchIndexSql.DropTriggers().Concat(SearchIndexSql.Clear()).Concat(SearchIndexSql.Fill()).Concat(SearchIndexSql.Triggers()))
            {
                migrationBuilder.Sql(sql);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The keys stay; new tickets are keyed in insertion order again.
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS tickets_search_insert");
            migrationBuilder.Sql(SearchIndexSql.InsertTrigger("NULL", carried: false));
        }
    }
}
