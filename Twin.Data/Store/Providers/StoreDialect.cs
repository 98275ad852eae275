using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Twin.Data.Search;

namespace Twin.Data.Store.Providers;

/// <summary>
/// Everything the store does differently per database engine, in one place per engine: how
/// connections and transactions are opened, and the SQL that is not the same on both. The rest of
/// the store's SQL is written once, in the subset both engines read alike (<c>@name</c>
/// parameters, <c>ON CONFLICT … DO UPDATE</c>, <c>RETURNING</c>, plain aggregates).
/// </summary>
internal abstract class StoreDialect
{
    public abstract StorageProvider Provider { get; }

    /// <summary>Points an EF context at this database, with the engine's migrations set.</summary>
    public abstract void Configure(DbContextOptionsBuilder builder);

    /// <summary>A new open connection with the session settings every connection needs.</summary>
    public abstract Task<DbConnection> OpenAsync(CancellationToken ct);

    /// <summary>Applies the session settings to a connection EF opened.</summary>
    public abstract Task PrepareAsync(DbConnection connection, CancellationToken ct);

    /// <summary>
    /// A transaction for writing that holds the write order from its start: the audit chain's
    /// head read inside it must still be the head when its rows are inserted.
    /// </summary>
    public abstract DbTransaction BeginWrite(DbConnection connection);

    /// <summary>A read-only transaction that sees one consistent snapshot throughout.</summary>
    public abstract DbTransaction BeginSnapshot(DbConnection connection);

    /// <summary>Lets go of pooled connections when the store is disposed.</summary>
    public abstract void ReleasePools();

    /// <summary>The SQL that differs between engines.</summary>
    public abstract DialectSql Sql { get; }

    public static StoreDialect For(TwinStoreOptions options) => options.Provider switch
    {
        StorageProvider.Postgres => new PostgresDialect(options),
        _ => new SqliteDialect(options),
    };
}

/// <summary>The statements whose text differs between engines; the comments on each engine's values say why.</summary>
internal sealed record DialectSql
{
    /// <summary>Every sensor row, in the order the sensors were first stored.</summary>
    public required string SensorsInRegistrationOrder { get; init; }

    /// <summary>The number after the dash of ids like "A-00000042" in column <c>{0}</c>, as an integer expression.</summary>
    public required string NumberAfterDash { get; init; }

    /// <summary>The position of <c>{1}</c> in <c>{0}</c> counted from 1, 0 when absent.</summary>
    public required string Position { get; init; }

    /// <summary>The smaller and the larger of two values (scalar, not the aggregates).</summary>
    public required string Least { get; init; }

    public required string Greatest { get; init; }

    /// <summary>Deletes up to <c>@limit</c> rows of table <c>{0}</c> matching <c>{1}</c>.</summary>
    public required string DeleteSome { get; init; }

    /// <summary>Serialises audit appends across connections; empty where the write transaction already does.</summary>
    public required string LockAuditChain { get; init; }

    /// <summary>How many of the search index's triggers exist (fewer than all: the index is paused).</summary>
    public required string CountSearchTriggers { get; init; }

    public required int SearchTriggers { get; init; }

    /// <summary>Stops keeping the search index current (a warm start's bulk load).</summary>
    public required IReadOnlyList<string> PauseSearchIndex { get; init; }

    /// <summary>Indexes every stored ticket afresh and keeps the index current again.</summary>
    public required IReadOnlyList<string> RebuildSearchIndex { get; init; }

    /// <summary>
    /// For a phrase: the tickets (as <c>t</c>) whose indexed text contains it (<c>@match</c>, <c>@phrase</c>)
    /// and that were reported in [<c>@window_from</c>, <c>@window_to</c>), looked up in the search index,
    /// and the order that reads them newest first from that index.
    /// </summary>
    public required Func<string, TicketMatchSql> TicketMatches { get; init; }

    /// <summary>
    /// Spans of report time a search reads back from the newest, one after another, until it has
    /// the matches it counts (the rest of the range last); empty: the whole range at once, where the
    /// index itself reads the newest matches first.
    /// </summary>
    public required IReadOnlyList<TimeSpan> SearchWindows { get; init; }

    /// <summary>A phrase folded as the engine's <c>lower()</c> folds the indexed text, to be found in it by position.</summary>
    public required Func<string, string> FoldPhrase { get; init; }

    /// <summary>The value bound to <c>@match</c> for a phrase.</summary>
    public required Func<string, string> MatchValue { get; init; }

    /// <summary>
    /// Pairs (id, id) of stored tickets of one category, both reported in [<c>@from</c>, <c>@to</c>),
    /// within <c>@radius</c> metres of each other, each pair both ways; null where the engine has
    /// no spatial index and the pairs are found in memory (<see cref="Twin.Domain.Briefing.DecisionItems.Repeated"/>).
    /// </summary>
    public required string? NearPairs { get; init; }
}
