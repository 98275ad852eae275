
namespace Twin.Data.Store;

public sealed partial class TwinStore
{
    /// <summary>
    /// Stops indexing ticket writes for search, for a bulk write of history (the warm start):
    /// the triggers index row by row and rewrite the pair index's pages in every batch, most of
    /// the warm start's time. <see cref="RebuildSearchIndexAsync"/> resumes it; a store opened
    /// with the triggers missing (a process stopped between the two) is rebuilt at start.
    /// </summary>
    public Task PauseSearchIndexAsync(CancellationToken ct = default) => RunSearchUpkeepAsync(_dialect.Sql.PauseSearchIndex, ct);

    /// <summary>Indexes every stored ticket afresh, set-wise, and keeps the index current again; one transaction.</summary>
    public Task RebuildSearchIndexAsync(CancellationToken ct = default) =>
        RunSearchUpkeepAsync(_dialect.Sql.RebuildSearchIndex, ct);

    /// <summary>Rebuilds the index when its triggers are missing: a warm start was stopped before it resumed them.</summary>
    private async Task RebuildSearchIndexIfPausedAsync(CancellationToken ct)
    {
        await using var connection = await OpenConnectionAsync(ct);
        await using var count = connection.CreateCommand();
        count.CommandText = _dialect.Sql.CountSearchTriggers;
        if ((long)(await count.ExecuteScalarAsync(ct))! < _dialect.Sql.SearchTriggers)
        {
            await connection.CloseAsync();
            await RebuildSearchIndexAsync(ct);
        }
    }

    private async Task RunSearchUpkeepAsync(IEnumerable<string> statements, CancellationToken ct)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _writeGate.WaitAsync(ct);
        try
        {
            await using var connection = await OpenConnectionAsync(ct);
            await using var transaction = _dialect.BeginWrite(connection);
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
