using System.Security.Claims;
using System.Threading.Channels;
using Twin.Data.Audit;
using Twin.Data.Boundary;
using Twin.Data.Store;

namespace CommandCenter.Audit;

/// <summary>Where an action came from: the client's address and user agent.</summary>
public sealed record AuditOrigin(string? Ip, string? UserAgent)
{
    public static AuditOrigin None { get; } = new(null, null);

    public static AuditOrigin Of(HttpContext context) => new(
        context.Connection.RemoteIpAddress?.ToString(),
        context.Request.Headers.UserAgent.ToString() is { Length: > 0 } ua ? ua[..Math.Min(ua.Length, 300)] : null);
}

/// <summary>
/// Records the app's own audit entries (sign-ins, refusals, accounts, configuration, reveals).
/// <see cref="Record(AuditEntry)"/> queues one for the background writer (a burst of refused
/// requests does not wait for the disk); <see cref="CommitAsync"/> queues one the same way and
/// completes once the batch holding it is committed, for an action that takes effect before its
/// row is written and is acknowledged only after (a presenter's step: the walls follow at once);
/// <see cref="WriteAsync"/> returns only once the entry is
/// committed, for actions that must not happen unaudited (revealing personal data);
/// <see cref="ChangeAsync"/> writes an account change and its entry in one transaction. The twin's
/// state changes (ticket steps, acknowledgements, modes) are not recorded here: the store writes
/// their audit rows in the batch's own transaction. Both extend the one chain under SQLite's write lock.
/// </summary>
public sealed class AuditTrail(TwinStore store, TwinReadiness readiness, AuditSecrets secrets, TimeProvider time, ILogger<AuditTrail> logger) : BackgroundService
{
    private readonly Channel<Queued> _queue = Channel.CreateUnbounded<Queued>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SemaphoreSlim _anchoring = new(1, 1);
    private long _anchoredSeq = -1;
    private AuditLog? _log;

    public AuditLog Log => _log ??= new AuditLog(store, secrets.Chain);

    /// <summary>Verifies the chain with its key and against the anchors kept outside the database.</summary>
    public Task<AuditVerification> VerifyAsync(CancellationToken ct = default) => secrets.VerifyAsync(Log, ct);

    /// <summary>
    /// Writes the chain's head to the anchor file and the application log when it moved since the
    /// last anchor: from then on, cutting or rewriting the rows up to it shows in verification.
    /// </summary>
    public async Task<AuditAnchor?> AnchorAsync(CancellationToken ct = default)
    {
        await readiness.Ready.WaitAsync(ct);
        await _anchoring.WaitAsync(ct);
        try
        {
            if (await Log.HeadAsync(time.GetUtcNow(), ct) is not { } head || head.Seq == _anchoredSeq)
            {
                return null;
            }

            foreach (var file in secrets.AnchorFiles)
            {
                await file.AppendAsync(head, ct);
            }

            _anchoredSeq = head.Seq;
            logger.LogInformation("Audit anchor: row {Seq}, hash {Hash}, at {At:O}.", head.Seq, head.Hash, head.At);
            return head;
        }
        finally
        {
            _anchoring.Release();
        }
    }

    public static string ActorOf(ClaimsPrincipal? user) =>
        user?.Identity is { IsAuthenticated: true, Name: { } name } ? name : "anonymous";

    public AuditEntry Entry(ClaimsPrincipal? user, string action, string? target, string outcome, string? detail, AuditOrigin origin) =>
        new(time.GetUtcNow(), ActorOf(user), action, target, outcome, detail, origin.Ip, origin.UserAgent);

    public void Record(AuditEntry entry) => _queue.Writer.TryWrite(new Queued(entry, null));

    /// <summary>
    /// Queues <paramref name="entry"/> like <see cref="Record(AuditEntry)"/> and completes once it is
    /// committed (faults when its batch could not be written, or the writer stopped without it).
    /// </summary>
    public Task CommitAsync(AuditEntry entry)
    {
        var committed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_queue.Writer.TryWrite(new Queued(entry, committed)))
        {
            committed.SetException(new InvalidOperationException("The audit writer has stopped; the entry was not recorded."));
        }

        return committed.Task;
    }

    public void Record(ClaimsPrincipal? user, string action, string? target, string outcome, string? detail, AuditOrigin origin) =>
        Record(Entry(user, action, target, outcome, detail, origin));

    public async Task WriteAsync(AuditEntry entry, CancellationToken ct = default)
    {
        await readiness.Ready.WaitAsync(ct);
        await Log.AppendAsync([entry], ct);
    }

    /// <summary>
    /// Makes a change through <paramref name="db"/> (Identity's stores write through the request's
    /// context) and appends the audit entry it returns in the same write transaction: the change is
    /// on disk exactly when its audit row is. A change that returns no entry was refused and is
    /// rolled back. Anything written through another connection (sessions, sign-ins) must come
    /// after: this transaction holds SQLite's write lock until it ends.
    /// </summary>
    public async Task<T> ChangeAsync<T>(TwinDbContext db, Func<Task<(T Result, AuditEntry? Entry)>> change, CancellationToken ct = default)
    {
        await readiness.Ready.WaitAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            var (result, entry) = await change();
            if (entry is null)
            {
                await transaction.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                return result;
            }

            Log.AppendWithin(db, [entry]);
            await transaction.CommitAsync(ct);
            return result;
        }
        catch
        {
            // Rolled back with the transaction: what the context tracks as saved is not on disk.
            db.ChangeTracker.Clear();
            throw;
        }
    }

    /// <summary>Waits until everything recorded so far is committed (tests, shutdown).</summary>
    public async Task FlushAsync(CancellationToken ct = default)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (_queue.Writer.TryWrite(new Queued(null, done)))
        {
            await done.Task.WaitAsync(ct);
        }
    }

    /// <summary>A queued entry (null: a flush marker) and whom to tell once it is committed.</summary>
    private readonly record struct Queued(AuditEntry? Entry, TaskCompletionSource? Committed);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await readiness.Ready.WaitAsync(stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // No store to write to: whoever waits for a row is told it was not recorded.
            _queue.Writer.TryComplete();
            FailAll(Drain(), e);
            return;
        }

        var batch = new List<Queued>();
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                while (batch.Count < 500 && _queue.Reader.TryRead(out var queued))
                {
                    batch.Add(queued);
                }

                await AppendAndAnswerAsync(batch, stoppingToken);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping: drain below.
        }
        catch (Exception e)
        {
            // The batch could not be written after its retries: nobody waiting is told it was.
            FailAll(batch, e);
            _queue.Writer.TryComplete();
            FailAll(Drain(), e);
            throw;
        }

        // Shutdown: what was recorded before the host stopped is still written.
        _queue.Writer.TryComplete();
        batch.AddRange(Drain());
        await AppendAndAnswerAsync(batch, CancellationToken.None);

        try
        {
            await AnchorAsync(CancellationToken.None);
        }
        catch (IOException e)
        {
            logger.LogError(e, "The audit chain's last anchor could not be written.");
        }
    }

    /// <summary>Writes the batch's entries and then tells whoever waits on them (and on the flush markers among them).</summary>
    private async Task AppendAndAnswerAsync(List<Queued> batch, CancellationToken ct)
    {
        await AppendWithRetryAsync([.. batch.Where(q => q.Entry is not null).Select(q => q.Entry!)], ct);
        foreach (var queued in batch)
        {
            queued.Committed?.TrySetResult();
        }

        batch.Clear();
    }

    private List<Queued> Drain()
    {
        var rest = new List<Queued>();
        while (_queue.Reader.TryRead(out var queued))
        {
            rest.Add(queued);
        }

        return rest;
    }

    private static void FailAll(List<Queued> batch, Exception e)
    {
        foreach (var queued in batch)
        {
            queued.Committed?.TrySetException(e);
        }
    }

    private async Task AppendWithRetryAsync(List<AuditEntry> entries, CancellationToken ct)
    {
        for (var attempt = 1; entries.Count > 0; attempt++)
        {
            try
            {
                await Log.AppendAsync(entries, CancellationToken.None);
                return;
            }
            catch (Exception e) when (attempt < 5 && e is Microsoft.Data.Sqlite.SqliteException or IOException)
            {
                logger.LogWarning(e, "Audit append failed (attempt {Attempt}); retrying.", attempt);
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), ct.IsCancellationRequested ? CancellationToken.None : ct);
            }
        }
    }
}
