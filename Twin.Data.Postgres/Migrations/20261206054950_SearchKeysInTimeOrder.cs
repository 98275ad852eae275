using Microsoft.EntityFrameworkCore.Migrations;
using Twin.Data.Search;

#nullable disable

namespace Twin.Data.Postgres.Migrations
{
    /// <summary>
    /// The search index holds each ticket's character pairs under GIN (pg_trgm had no trigram for a
    /// two-character word) and its report time under a B-tree: rebuilt for the stored tickets.
    /// </summary>
    public partial class SearchKeysInTimeOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in PostgresSearchIndexSql.DropTicketIndex().Concat(PostgresSearchIndexSql.CreateTicketIndex()))
            {
                migrationBuilder.Sql(sql);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in PostgresSearchIndexSql.DropTicketIndex())
            {
                migrationBuilder.Sql(sql);
            }

            // The trigram index as it was.
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS pg_trgm");
            migrationBuilder.Sql("CREATE TABLE ticket_search (ticket_id text PRIMARY KEY, txt text NOT NULL)");
            migrationBuilder.Sql($"INSERT INTO ticket_search (ticket_id, txt) SELECT t.id, {SearchIndexSql.Text("t")} FROM tickets t");
            migrationBuilder.Sql("CREATE INDEX ix_ticket_search_txt ON ticket_search USING gin (txt gin_trgm_ops)");
            migrationBuilder.Sql(
                $"""
                CREATE FUNCTION tickets_search_index() RETURNS trigger LANGUAGE plpgsql AS $fn$
                BEGIN
                    IF TG_OP = 'DELETE' THEN
                        DELETE FROM ticket_search WHERE ticket_id = OLD.id;
                        RETURN OLD;
                    END IF;
                    INSERT INTO ticket_search (ticket_id, txt) VALUES (NEW.id, {SearchIndexSql.Text("NEW")})
                    ON CONFLICT (ticket_id) DO UPDATE SET txt = excluded.txt;
                    RETURN NEW;
                END
                $fn$
                """);
            foreach (var sql in PostgresSearchIndexSql.Triggers())
            {
                migrationBuilder.Sql(sql);
            }
        }
    }
}
