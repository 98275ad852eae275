using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Twin.Data.Nodes;

/// <summary>
/// PostgreSQL LISTEN/NOTIFY between the nodes: one listening connection per node, and a pulse per
/// channel that completes on each notification. A notification only says "look again": every
/// waiter also polls, so a lost notification (a dropped listening connection) costs a poll
/// interval, never a command.
/// </summary>
public sealed partial class NodeSignals(string connectionString, ILogger<NodeSignals> logger)
{
    /// <summary>A follower queued a command for the writer.</summary>
    public const string Queued = "twin_inbox";

    /// <summary>The writer answered inbox commands.</summary>
    public const string Answered = "twin_answered";

    /// <summary>The writer committed a batch: followers reload their read model.</summary>
    public const string Committed = "twin_committed";

    /// <summary>What the writer's batches changed on the map, as they commit (<see cref="ChangeStream"/>); the payload is a change set.</summary>
    public const string Changes = "twin_changes";

    /// <summary>An admin moved a wall device to another organisation; the payload names the node and the device.</summary>
    public const string WallMoved = "twin_wall_moved";

    /// <summary>The writer's wall scene changed; the payload is the scene (CommandCenter's WallSceneRelay).</summary>
    public const string Scenes = "twin_scene";

    /// <summary>A follower asks the writer's wall scene director to act; the payload is the action.</summary>
    public const string SceneAsks = "twin_scene_ask";

    /// <summary>An admin on a follower retries a dead letter; the payload is its id, and only the writer sends it.</summary>
    public const string DeadLetterRetries = "twin_dead_letter_retry";

    private static readonly string[] Channels = [Queued, Answered, Committed, Changes, WallMoved, Scenes, SceneAsks, DeadLetterRetries];
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _pulses = new();

    /// <summary>Completes at the next notification on <paramref name="channel"/> (or when the listener reconnects).</summary>
    public Task Next(string channel) =>
        _pulses.GetOrAdd(channel, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    /// <summary>
    /// Raised on the listening connection's thread with each notification's channel and payload
    /// (every node's own notifications too); handlers must be quick.
    /// </summary>
    public event Action<string, string>? Received;

    /// <summary>Sends a notification on its own short transaction.</summary>
    public Task NotifyAsync(string channel, CancellationToken ct) => NotifyAsync(channel, string.Empty, ct);

    /// <summary>Sends a notification with a payload (under PostgreSQL's 8000 bytes) on its own short transaction.</summary>
    public Task NotifyAsync(string channel, string payload, CancellationToken ct) => NotifyAsync(channel, [payload], ct);

    /// <summary>Sends notifications with payloads (each under 8000 bytes) in one transaction, so they arrive together and in this order.</summary>
    public async Task NotifyAsync(string channel, IReadOnlyList<string> payloads, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("SELECT pg_notify(@channel, payload) FROM unnest(@payloads) WITH ORDINALITY AS p(payload, n) ORDER BY n", connection);
        command.Parameters.AddWithValue("channel", channel);
        command.Parameters.AddWithValue("payloads", payloads.ToArray());
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Listens until cancelled, reconnecting after a failure.</summary>
    public async Task ListenAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(ct);
                connection.Notification += (_, e) =>
                {
                    Pulse(e.Channel);
                    Received?.Invoke(e.Channel, e.Payload);
                };
                await using (var listen = new NpgsqlCommand(string.Join("; ", Channels.Select(c => $"LISTEN {c}")), connection))
                {
                    await listen.ExecuteNonQueryAsync(ct);
                }

                // Whatever was notified while nobody listened is found by looking again now.
                PulseAll();
                while (true)
                {
                    await connection.WaitAsync(ct);
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or IOException or InvalidOperationException)
            {
                LogListenFailed(ex);
                PulseAll();
                await Task.Delay(TimeSpan.FromSeconds(1), ct).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private void PulseAll()
    {
        foreach (var channel in Channels)
        {
            Pulse(channel);
        }
    }

    private void Pulse(string channel)
    {
        if (_pulses.TryRemove(channel, out var pulse))
        {
            pulse.TrySetResult();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listening for the other nodes' notifications failed; reconnecting (waiters poll meanwhile).")]
    private partial void LogListenFailed(Exception exception);
}
