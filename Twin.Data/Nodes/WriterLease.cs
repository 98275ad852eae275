using Microsoft.Extensions.Logging;
using Npgsql;

namespace Twin.Data.Nodes;

/// <summary>
/// The writer's lock on PostgreSQL: a session advisory lock held on one dedicated connection for
/// as long as the node lives. The server releases it when that session ends, which on a killed
/// process is at once (the socket closes) and on a vanished machine after the session's TCP
/// keepalives give up (set short below). Whoever holds it is the only node that writes.
/// </summary>
public sealed partial class WriterLease(string connectionString, ILogger<WriterLease> logger)
{
    /// <summary>"writer" in ASCII; the audit chain's lock uses another key.</summary>
    private const long WriterLock = 0x777269746572;

    /// <summary>How often the holder checks its session, and how long a node waits before asking again after a failed attempt.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private readonly TaskCompletionSource _acquired = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when this node takes the lock.</summary>
    public Task Acquired => _acquired.Task;

    /// <summary>When (<see cref="System.Diagnostics.Stopwatch"/> timestamp) this node took the lock: where a take-over's timing starts.</summary>
    public long AcquiredAt { get; private set; }

    /// <summary>
    /// Tries for the lock until it is taken, then holds it; returns only when the holding session is
    /// lost (the node must then stop writing) or <paramref name="ct"/> is cancelled.
    /// </summary>
    public async Task HoldAsync(CancellationToken ct)
    {
        while (true)
        {
            try
            {
                await using var session = new NpgsqlConnection(connectionString);
                await session.OpenAsync(ct);

                // The server notices a silent peer after 5 + 3×1 s instead of the system's two hours.
                await ExecuteAsync(session, "SET tcp_keepalives_idle = 5; SET tcp_keepalives_interval = 1; SET tcp_keepalives_count = 3", ct);
                await LockAsync(session, ct);
                AcquiredAt = System.Diagnostics.Stopwatch.GetTimestamp();
                LogAcquired();
                _acquired.TrySetResult();
                while (true)
                {
                    await Task.Delay(Interval, ct);
                    await ExecuteAsync(session, "SELECT 1", ct);
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or IOException or InvalidOperationException or TimeoutException)
            {
                if (_acquired.Task.IsCompleted)
                {
                    LogLost(ex);
                    return;
                }

                // Not holding it yet: the server may still be starting; ask again.
                LogRetry(ex);
                await Task.Delay(Interval, ct).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                if (ct.IsCancellationRequested)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Takes the next writer epoch (<see cref="WriterFence"/>); call once holding the lock and with the schema migrated.</summary>
    public Task<WriterFence> FenceAsync(CancellationToken ct) => WriterFence.TakeAsync(connectionString, ct);

    /// <summary>
    /// Waits in the server for the lock (no timeout): the server grants it the moment the holder's
    /// session ends, where asking once a second cost a follower up to a second of every failover.
    /// </summary>
    private static async Task LockAsync(NpgsqlConnection session, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"SELECT pg_advisory_lock({WriterLock})", session) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task ExecuteAsync(NpgsqlConnection session, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, session);
        await command.ExecuteNonQueryAsync(ct);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "This node holds the writer's lock: it becomes the writer.")]
    private partial void LogAcquired();

    [LoggerMessage(Level = LogLevel.Critical, Message = "The session holding the writer's lock was lost: another node may take it, so this node stops.")]
    private partial void LogLost(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Asking for the writer's lock failed; asking again.")]
    private partial void LogRetry(Exception exception);
}
