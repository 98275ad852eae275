using System.Text.Json;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;
using Twin.Data.Boundary;
using Twin.Data.Store;
using Twin.Domain.Engine;

namespace Twin.Data.Nodes;

/// <summary>
/// The inbox table between follower nodes and the writer (docs/two-nodes.md). A follower inserts
/// its commands in one transaction and waits until the writer has written their outcomes; the
/// writer takes unanswered rows in id order and submits them to its pipeline in that order with
/// their row ids, and the pipeline writes each outcome (clearing the body) in the transaction of the
/// batch that applied it. The row id is thus every handed-over command's idempotency key: a command
/// whose batch committed is answered, and a writer that dies at any point leaves the next one
/// nothing to apply twice.
/// </summary>
public sealed partial class CommandInbox(string connectionString, NodeSignals signals, NodeOptions options, TimeProvider time, ILogger<CommandInbox> logger)
{
    /// <summary>How often waiters look again without a notification.</summary>
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);

    private const int DrainBatch = 1000;

    private readonly TaskCompletionSource<int> _firstDrain = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when this writer's first round of <see cref="DrainAsync"/> has ended, with the commands it took: the commands queued while no node wrote.</summary>
    public Task<int> FirstDrain => _firstDrain.Task;

    /// <summary>Queues the commands for the writer and answers once it has committed them all, in the same order.</summary>
    /// <exception cref="WriterUnavailableException">Not all answered within <see cref="NodeOptions.HandOffTimeout"/>.</exception>
    public async Task<IReadOnlyList<CommandOutcome>> HandOffAsync(IReadOnlyList<TwinCommand> commands, CancellationToken ct)
    {
        var ids = await QueueAsync(commands, ct);
        var outcomes = new CommandOutcome?[ids.Length];
        var deadline = time.GetUtcNow() + options.HandOffTimeout;
        while (true)
        {
            var answered = signals.Next(NodeSignals.Answered);
            await ReadOutcomesAsync(ids, outcomes, ct);
            if (outcomes.All(o => o is not null))
            {
                return outcomes!;
            }

            var left = deadline - time.GetUtcNow();
            if (left <= TimeSpan.Zero)
            {
                throw new WriterUnavailableException(options.HandOffTimeout);
            }

            await Task.WhenAny(answered, Task.Delay(left < Poll ? left : Poll, time, ct));
            ct.ThrowIfCancellationRequested();
        }
    }

    /// <summary>
    /// On the writer, until cancelled: submits unanswered commands in order, each with its inbox row
    /// id, and tells the followers once <paramref name="submit"/> returns (their batches committed,
    /// which answered them). <paramref name="submit"/> answers false when a batch failed (the store
    /// is unavailable): its commands stay unanswered and are tried again.
    /// </summary>
    public async Task DrainAsync(Func<IReadOnlyList<(long InboxId, TwinCommand Command)>, CancellationToken, Task<bool>> submit, CancellationToken ct)
    {
        var trimmedAt = DateTimeOffset.MinValue;
        while (!ct.IsCancellationRequested)
        {
            var queued = signals.Next(NodeSignals.Queued);
            var more = false;
            try
            {
                int taken;
                (more, taken) = await DrainOnceAsync(submit, ct);
                _firstDrain.TrySetResult(taken);
                if (time.GetUtcNow() - trimmedAt > TimeSpan.FromMinutes(10))
                {
                    LogTrimmed(await TrimAsync(time.GetUtcNow() - options.InboxKeep, ct));
                    trimmedAt = time.GetUtcNow();
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                LogDrainFailed(ex);
            }

            if (!more)
            {
                await Task.WhenAny(queued, Task.Delay(Poll, time, ct));
            }
        }
    }

    /// <summary>Deletes answered rows older than <paramref name="before"/>; unanswered rows are never deleted.</summary>
    public async Task<int> TrimAsync(DateTimeOffset before, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await using var delete = new NpgsqlCommand("DELETE FROM inbox WHERE answered_at < @before", connection);
        delete.Parameters.AddWithValue("before", UtcTicks.From(before));
        return await delete.ExecuteNonQueryAsync(ct);
    }

    /// <returns>Whether a full batch was taken (more may be waiting), and how many commands were.</returns>
    private async Task<(bool More, int Taken)> DrainOnceAsync(Func<IReadOnlyList<(long InboxId, TwinCommand Command)>, CancellationToken, Task<bool>> submit, CancellationToken ct)
    {
        var rows = new List<(long Id, string Kind, string Body)>();
        await using (var connection = await OpenAsync(ct))
        await using (var select = new NpgsqlCommand($"SELECT id, kind, body FROM inbox WHERE answered_at IS NULL ORDER BY id LIMIT {DrainBatch}", connection))
        await using (var reader = await select.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                rows.Add((reader.GetInt64(0), reader.GetString(1), reader.GetString(2)));
            }
        }

        if (rows.Count == 0)
        {
            return (false, 0);
        }

        var answers = new List<(long Id, string Outcome)>();
        var readable = new List<(long InboxId, TwinCommand Command)>();
        for (var i = 0; i < rows.Count; i++)
        {
            try
            {
                readable.Add((rows[i].Id, CommandJson.Read(rows[i].Kind, rows[i].Body)));
            }
            catch (JsonException ex)
            {
                // A node of another version wrote what this one cannot read: refused, so the follower answers and the queue moves on.
                answers.Add((rows[i].Id, CommandJson.WriteOutcome(CommandOutcome.Refused($"The writer could not read this {rows[i].Kind}: {ex.Message}"))));
            }
        }

        // The pipeline answered each committed one in its batch; the rest (a failed batch) stay for the next round.
        var committed = await submit(readable, ct);
        await AnswerAsync(answers, ct);
        return (rows.Count == DrainBatch && committed, rows.Count);
    }

    /// <summary>Answers the rows this writer could not read, and tells the followers to look at their outcomes.</summary>
    private async Task AnswerAsync(List<(long Id, string Outcome)> answers, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var update = new NpgsqlCommand("UPDATE inbox SET outcome = @outcome, body = NULL, answered_at = @at WHERE id = @id AND answered_at IS NULL", connection, transaction))
        {
            var id = update.Parameters.Add("id", NpgsqlDbType.Bigint);
            var outcome = update.Parameters.Add("outcome", NpgsqlDbType.Text);
            update.Parameters.AddWithValue("at", UtcTicks.From(time.GetUtcNow()));
            foreach (var answer in answers)
            {
                id.Value = answer.Id;
                outcome.Value = answer.Outcome;
                await update.ExecuteNonQueryAsync(ct);
            }
        }

        await using (var notify = new NpgsqlCommand($"NOTIFY {NodeSignals.Answered}", connection, transaction))
        {
            await notify.ExecuteNonQueryAsync(ct);
        }

        await transaction.CommitAsync(ct);
    }

    private async Task<long[]> QueueAsync(IReadOnlyList<TwinCommand> commands, CancellationToken ct)
    {
        var ids = new long[commands.Count];
        await using var connection = await OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var insert = new NpgsqlCommand("INSERT INTO inbox (kind, body, queued_at) VALUES (@kind, @body, @at) RETURNING id", connection, transaction))
        {
            var kind = insert.Parameters.Add("kind", NpgsqlDbType.Text);
            var body = insert.Parameters.Add("body", NpgsqlDbType.Text);
            insert.Parameters.AddWithValue("at", UtcTicks.From(time.GetUtcNow()));
            for (var i = 0; i < commands.Count; i++)
            {
                (kind.Value, body.Value) = CommandJson.Write(commands[i]);
                ids[i] = (long)(await insert.ExecuteScalarAsync(ct))!;
            }
        }

        // Delivered at commit, so the writer never looks before the rows are there.
        await using (var notify = new NpgsqlCommand($"NOTIFY {NodeSignals.Queued}", connection, transaction))
        {
            await notify.ExecuteNonQueryAsync(ct);
        }

        await transaction.CommitAsync(ct);
        return ids;
    }

    private async Task ReadOutcomesAsync(long[] ids, CommandOutcome?[] outcomes, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await using var select = new NpgsqlCommand("SELECT id, outcome FROM inbox WHERE id = ANY(@ids) AND answered_at IS NOT NULL", connection);
        select.Parameters.AddWithValue("ids", ids);
        await using var reader = await select.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            outcomes[Array.IndexOf(ids, reader.GetInt64(0))] = CommandJson.ReadOutcome(reader.GetString(1));
        }
    }

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken ct)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        return connection;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Draining the inbox failed; its unanswered commands are tried again.")]
    private partial void LogDrainFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Inbox retention: {Count} answered rows deleted.")]
    private partial void LogTrimmed(int count);
}
