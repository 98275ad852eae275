using Microsoft.EntityFrameworkCore.Migrations;
using Twin.Data.Search;

#nullable disable

namespace Twin.Data.Migrations
{
    /// <inheritdoc />
    public partial class SearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in SearchIndexSql.Create())
            {
                migrationBuilder.Sql(sql);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in SearchIndexSql.Drop())
            {
                migrationBuilder.Sql(sql);
            }
        }
    }
}
