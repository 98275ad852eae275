using Npgsql;
using Twin.Data.Nodes;
using Twin.Data.Store.Providers;
using Twin.Data.Tests.Support;
using Twin.Domain.Engine;

namespace Twin.Data.Tests.Nodes;

/// <summary>
/// Fencing on the real PostgreSQL server (docs/two-nodes.md): a writer that another node has
/// replaced (its lease lost while it was paused or cut off) commits nothing more, and a new writer's
/// take-over waits for a batch still in flight, so that batch is either in the store before the new
/// writer rebuilds or not at all.
/// </summary>
public sealed class WriterFenceTests : IDisposable
{
    private readonly TempDatabase _db = new(StorageProvider.Postgres);

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task The_old_writers_batch_after_a_take_over_is_refused_and_nothing_of_it_is_written()
    {
        await using var twin = await PipelineHarness.StartAsync(_db, Scenario.Clock());
        var old = await WriterFence.TakeAsync(ConnectionString, CancellationToken.None);
        twin.Store.Fence = old;
        await twin.SubmitOkAsync(new ReportTicketCommand(Scenario.Ticket("T-FENCE-1", twin.Clock.GetUtcNow())));

        // Another node takes the lock and its epoch while this one is still running.
        var successor = await WriterFence.TakeAsync(ConnectionString, CancellationToken.None);
        Assert.Equal(old.Epoch + 1, successor.Epoch);
        var late = await Assert.ThrowsAsync<WriterFencedException>(() => twin.Pipeline.SubmitAsync(new ReportTicketCommand(Scenario.Ticket("T-FENCE-2", twin.Clock.GetUtcNow()))).AsTask());

        Assert.Equal((old.Epoch, successor.Epoch), (late.Epoch, late.Current));
        Assert.True(old.Lost.IsCompleted, "the fenced node was not told to stop");
        Assert.Equal(1L, await ScalarAsync("SELECT COUNT(*) FROM tickets WHERE id = 'T-FENCE-1'"));
        Assert.Equal(0L, await ScalarAsync("SELECT COUNT(*) FROM tickets WHERE id = 'T-FENCE-2'"));
        Assert.Equal(0L, await ScalarAsync("SELECT COUNT(*) FROM ticket_history WHERE ticket_id = 'T-FENCE-2'"));
    }

    [Fact]
    public async Task A_take_over_waits_for_the_old_writers_batch_in_flight()
    {
        await using var twin = await PipelineHarness.StartAsync(_db, Scenario.Clock());
        var old = await WriterFence.TakeAsync(ConnectionString, CancellationToken.None);

        // The old writer's batch has passed its fence check and not yet committed.
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        old.Check(connection, transaction);
        var taking = WriterFence.TakeAsync(ConnectionString, CancellationToken.None);
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        Assert.False(taking.IsCompleted, "the new writer took its epoch while the old writer's batch was still open");

        await transaction.CommitAsync();
        Assert.Equal(old.Epoch + 1, (await taking.WaitAsync(TimeSpan.FromSeconds(10))).Epoch);
    }

    private string ConnectionString => _db.Options().ConnectionString!;

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
