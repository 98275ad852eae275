using System.Data.Common;
using Npgsql;
using Twin.Data.Store;

namespace Twin.Data.Nodes;

/// <summary>
/// The fencing token of the writer's lease (docs/two-nodes.md): each node that becomes the writer
/// bumps the one row of <c>writer_fence</c> and keeps the epoch it got; every batch it writes reads
/// that row FOR SHARE inside its own transaction and is refused if the epoch moved on. The bump
/// waits for the row lock of a batch still in flight, so an old writer's batch either committed
/// before the new writer's rebuild (which then holds it) or is rolled back: never half-written,
/// never outside the new writer's engine.
/// </summary>
public sealed class WriterFence : IWriteFence
{
    private readonly TaskCompletionSource _lost = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private WriterFence(long epoch) => Epoch = epoch;

    /// <summary>This writer's epoch: the number of writers this store has had, this one included.</summary>
    public long Epoch { get; }

    /// <summary>Completes when a write found another writer's epoch: this node must stop.</summary>
    public Task Lost => _lost.Task;

    /// <summary>Takes the next epoch, after any batch of the previous writer still in flight has ended.</summary>
    public static async Task<WriterFence> TakeAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var bump = new NpgsqlCommand(
            "INSERT INTO writer_fence (id, epoch) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET epoch = writer_fence.epoch + 1 RETURNING epoch", connection);
        return new WriterFence((long)(await bump.ExecuteScalarAsync(ct))!);
    }

    /// <exception cref="WriterFencedException">Another node became the writer since this one did.</exception>
    public void Check(DbConnection connection, DbTransaction transaction)
    {
        using var read = connection.CreateCommand();
        read.Transaction = transaction;
        read.CommandText = "SELECT epoch FROM writer_fence WHERE id = 1 FOR SHARE";
        var current = read.ExecuteScalar() is long epoch ? epoch : 0;
        if (current != Epoch)
        {
            _lost.TrySetResult();
            throw new WriterFencedException(Epoch, current);
        }
    }
}
