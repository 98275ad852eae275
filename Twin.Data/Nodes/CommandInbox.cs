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
/// writer takes unanswered rows in id order, submits them to its pipeline in that order, and writes
/// each outcome (clearing the body) only after the pipeline acknowledged it, that is after its batch
/// committed. A writer that dies between the two leaves the row unanswered; the next writer submits
/// it again, where its idempotency key (readings, tickets, CAP, field reports) makes it a replay.
/// </summary>
public sealed partial class CommandInbox(string connectionString, NodeSignals signals, NodeOptions options, TimeProvider time, ILogger<CommandInbox> logger)
{
    /// <summary>How often waiters look again without a notification.</summary>
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);

    private const int DrainBatch = 1000;

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
    /// On the writer, until cancelled: submits unanswered commands in order and answers them.
    /// <paramref name="submit"/> answers null for a command whose batch failed (the store is
    /// unavailable): it is left unanswered and tried again.
    /// </summary>
    public async Task DrainAsync(Func<IReadOnlyList<TwinCommand>, CancellationToken, Task<IReadOnlyList<CommandOutcome?>>> submit, CancellationToken ct)
    {
        var trimmedAt = DateTimeOffset.MinValue;
        while (!ct.IsCancellationRequested)
        {
            var queued = signals.Next(NodeSignals.Queued);
            var more = false;
            try
            {
                more = await DrainOnceAsync(submit, ct);
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

    /// <returns>True when a full batch was taken (more may be waiting).</returns>
    private async Task<bool> DrainOnceAsync(Func<IReadOnlyList<TwinCommand>, CancellationToken, Task<IReadOnlyList<CommandOutcome?>>> submit, CancellationToken ct)
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
            return false;
        }

        var answers = new List<(long Id, string Outcome)>(rows.Count);
        var readable = new List<(int Index, TwinCommand Command)>();
        for (var i = 0; i < rows.Count; i++)
        {
            try
            {
                readable.Add((i, CommandJson.Read(rows[i].Kind, rows[i].Body)));
            }
            catch (JsonException ex)
            {
                // A node of another version wrote what this one cannot read: refused, so the follower answers and the queue moves on.
                answers.Add((rows[i].Id, CommandJson.WriteOutcome(CommandOutcome.Refused($"The writer could not read this {rows[i].Kind}: {ex.Message}"))));
            }
        }

        // Acknowledged by the pipeline = committed; only then is the outcome written.
        var outcomes = await submit([.. readable.Select(r => r.Command)], ct);
        for (var j = 0; j < readable.Count; j++)
        {
            if (outcomes[j] is { } outcome)
            {
                answers.Add((rows[readable[j].Index].Id, CommandJson.WriteOutcome(outcome)));
            }
        }

        await AnswerAsync(answers, ct);
        return rows.Count == DrainBatch && answers.Count == rows.Count;
    }

    private async Task AnswerAsync(List<(long Id, string Outcome)> answers, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var update = new NpgsqlCommand("UPDATE inbox SET outcome = @outcome, body = NULL, answered_at = @at WHERE id = @id", connection, transaction))
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
