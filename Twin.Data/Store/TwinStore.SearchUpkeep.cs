using Microsoft.Data.Sqlite;
using Twin.Data.Search;

namespace Twin.Data.Store;

public sealed partial class TwinStore
{
    /// <summary>
    /// Stops indexing ticket writes for search, for a bulk write of history (the warm start):
    /// the triggers index row by row and rewrite the pair index's pages in every batch, most of
    /// the warm start's time. With <paramref name="ticketIndexes"/> the ticket tables' secondary
    /// indexes go too (their definitions kept in the store), and are built once, sorted, at the
    /// end. <see cref="RebuildSearchIndexAsync"/> resumes both; a store opened with the triggers
    /// missing (a process stopped between the two) is rebuilt at start.
    /// </summary>
    public Task PauseSearchIndexAsync(bool ticketIndexes = true, CancellationToken ct = default) =>
        RunSearchUpkeepAsync(ticketIndexes ? SearchIndexSql.DropTriggers().Concat(SearchIndexSql.PauseTicketIndexes()) : SearchIndexSql.DropTriggers(), ct);

    /// <summary>
    /// Builds the paused ticket indexes again, indexes every stored ticket afresh, set-wise, and keeps
    /// the index current again; one transaction.
    /// </summary>
    public Task RebuildSearchIndexAsync(CancellationToken ct = default) =>
        RunSearchUpkeepAsync(SearchIndexSql.DropTriggers().Concat(SearchIndexSql.Clear()).Concat(SearchIndexSql.Fill()).Concat(SearchIndexSql.Triggers()), ct, restoreIndexes: true);

    /// <summary>Rebuilds the index when its triggers are missing: a warm start was stopped before it resumed them.</summary>
    private async Task RebuildSearchIndexIfPausedAsync(CancellationToken ct)
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(ct);
        await using var count = connection.CreateCommand();
        count.CommandText = $"SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND name IN ({string.Join(", ", SearchIndexSql.TriggerNames.Select(n => $"'{n}'"))})";
        if ((long)(await count.ExecuteScalarAsync(ct))! < SearchIndexSql.TriggerNames.Length)
        {
            await connection.CloseAsync();
            await RebuildSearchIndexAsync(ct);
        }
    }

    /// <summary>The paused indexes' definitions, then forgetting them; nothing when none are paused.</summary>
    private static async Task<IReadOnlyList<string>> PausedIndexesAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken ct)
    {
        await using var exists = connection.CreateCommand();
        exists.Transaction = transaction;
        exists.CommandText = SearchIndexSql.PausedIndexesExist;
        if ((long)(await exists.ExecuteScalarAsync(ct))! == 0)
        {
            return [];
        }

        await using var read = connection.CreateCommand();
        read.Transaction = transaction;
        read.CommandText = SearchIndexSql.PausedIndexes;
        var statements = new List<string>();
        await using (var reader = await read.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                statements.Add(reader.GetString(0));
            }
        }

        statements.Add(SearchIndexSql.ForgetPausedIndexes);
        return statements;
    }

    private async Task RunSearchUpkeepAsync(IEnumerable<string> statements, CancellationToken ct, bool restoreIndexes = false)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _writeGate.WaitAsync(ct);
        try
        {
            await using var connection = new SqliteConnection(ConnectionString);
            await connection.OpenAsync(ct);
            await SqlitePragmas.ApplyAsync(connection, ct);
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
            if (restoreIndexes)
            {
                statements = (await PausedIndexesAsync(connection, transaction, ct)).Concat(statements);
            }

            foreach (var sql in statements)
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = sql;
                await command.ExecuteNonQueryAsync(ct);
            }

            await transaction.CommitAsync(ct);
        }
        finally
        {
            _writeGate.Release();
        }
    }
}
