using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Twin.Data.Store;

namespace Twin.Data.Audit;

/// <summary>
/// The append-only audit table (<c>audit_log</c>). Appends are serialised and each takes the
/// write lock before reading the chain's head, so the chain stays linear across processes too.
/// The table refuses UPDATE, and DELETE of rows younger than <see cref="MinimumRetentionDays"/>
/// days, by trigger; the keyed hash chain (<see cref="AuditChain"/>) shows anything done around the triggers.
/// </summary>
public sealed class AuditLog(TwinStore store, AuditChain chain)
{
    /// <summary>等保2.0 asks that audit records be kept at least six months.</summary>
    public const int MinimumRetentionDays = 180;

    public const string PurgeAction = "audit.purge";

    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task AppendAsync(IReadOnlyList<AuditEntry> entries, CancellationToken ct = default)
    {
        if (entries.Count == 0)
        {
            return;
        }

        await _gate.WaitAsync(ct);
        try
        {
            await using var connection = await OpenAsync(ct);
            await using var transaction = store.Dialect.BeginWrite(connection);
            AuditAppender.Append(store.Dialect, connection, transaction, chain, entries);
            await transaction.CommitAsync(ct);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Appends inside the write transaction the caller holds on <paramref name="db"/> (EF's
    /// BeginTransaction on SQLite is BEGIN IMMEDIATE), so the rows commit or roll back with the
    /// change made through that context — Identity's account changes. SQLite's write lock, already
    /// held, orders this append with every other writer's; on PostgreSQL the append takes the
    /// chain's advisory lock itself.
    /// </summary>
    public void AppendWithin(DbContext db, IReadOnlyList<AuditEntry> entries)
    {
        if (db.Database.CurrentTransaction?.GetDbTransaction() is not DbTransaction transaction)
        {
            throw new InvalidOperationException("Audit rows appended with a change need the change's open transaction.");
        }

        AuditAppender.Append(store.Dialect, (DbConnection)db.Database.GetDbConnection(), transaction, chain, entries);
    }

    /// <summary>Newest first, at most <see cref="AuditQuery.Limit"/> rows.</summary>
    public async Task<IReadOnlyList<AuditRecord>> QueryAsync(AuditQuery query, CancellationToken ct = default)
    {
        await using var connection = await OpenAsync(ct);
        await using var command = connection.CreateCommand();
        var where = new List<string>();
        if (query.From is { } from)
        {
            where.Add("at >= @from");
            command.AddParameter("@from", from.UtcTicks);
        }

        if (query.To is { } to)
        {
            where.Add("at < @to");
            command.AddParameter("@to", to.UtcTicks);
        }

        if (!string.IsNullOrWhiteSpace(query.Actor))
        {
            where.Add("actor = @actor");
            command.AddParameter("@actor", query.Actor.Trim());
        }

        if (!string.IsNullOrWhiteSpace(query.ActionPrefix))
        {
            where.Add("substr(action, 1, length(@action)) = @action");
            command.AddParameter("@action", query.ActionPrefix.Trim());
        }

        if (!string.IsNullOrWhiteSpace(query.Outcome))
        {
            where.Add("outcome = @outcome");
            command.AddParameter("@outcome", query.Outcome.Trim());
        }

        if (!string.IsNullOrWhiteSpace(query.Target))
        {
            where.Add("target = @target");
            command.AddParameter("@target", query.Target.Trim());
        }

        command.CommandText = $"{Select} {(where.Count > 0 ? "WHERE " + string.Join(" AND ", where) : "")} ORDER BY id DESC LIMIT @limit";
        command.AddParameter("@limit", Math.Clamp(query.Limit, 1, 100_000));
        return await ReadAsync(command, ct);
    }

    /// <summary>The newest row's id and hash, or null for an empty log.</summary>
    public async Task<AuditAnchor?> HeadAsync(DateTimeOffset now, CancellationToken ct = default)
    {
        await using var connection = await OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1";
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? new AuditAnchor(reader.GetInt64(0), reader.GetString(1), now) : null;
    }

    /// <summary>
    /// Walks the whole chain and checks it against the head anchors kept outside it (see
    /// <see cref="AuditChain.Verify"/>), then the histories against it (<see cref="HistoryCrossCheck"/>).
    /// </summary>
    public async Task<AuditVerification> VerifyAsync(IReadOnlyList<AuditAnchor> headAnchors, CancellationToken ct = default)
    {
        await using var connection = await OpenAsync(ct);
        await using var transaction = store.Dialect.BeginSnapshot(connection);

        var anchors = new HashSet<string>(StringComparer.Ordinal);
        await using (var purges = connection.CreateCommand())
        {
            purges.Transaction = transaction;
            purges.CommandText = "SELECT detail FROM audit_log WHERE action = @purge";
            purges.AddParameter("@purge", PurgeAction);
            await using var reader = await purges.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                if (AuditChain.AnchorOf(reader.IsDBNull(0) ? null : reader.GetString(0)) is { } anchor)
                {
                    anchors.Add(anchor);
                }
            }
        }

        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"{Select} ORDER BY id";
        var rows = await ReadAsync(command, ct);
        var verification = chain.Verify(rows, anchors, headAnchors);
        return verification.Intact && await HistoryCrossCheck.FindMissingAsync(connection, transaction, rows, ct) is { } missing
            ? verification with { Problem = missing }
            : verification;
    }

    /// <summary>
    /// Removes the oldest rows, those before <paramref name="before"/> (never younger than the
    /// 180-day minimum), and records the purge, with the removed head's hash as the new anchor.
    /// </summary>
    public async Task<long> PurgeAsync(DateTimeOffset before, DateTimeOffset now, string actor, CancellationToken ct = default)
    {
        if (before > now.AddDays(-MinimumRetentionDays))
        {
            throw new ArgumentOutOfRangeException(nameof(before), $"Audit records are kept at least {MinimumRetentionDays} days.");
        }

        await _gate.WaitAsync(ct);
        try
        {
            await using var connection = await OpenAsync(ct);
            await using var transaction = store.Dialect.BeginWrite(connection);
            await using var last = connection.CreateCommand();
            last.Transaction = transaction;
            last.CommandText = "SELECT id, hash FROM audit_log WHERE id <= (SELECT max(id) FROM audit_log WHERE at < @before) ORDER BY id DESC LIMIT 1";
            last.AddParameter("@before", before.UtcTicks);
            await using var reader = await last.ExecuteReaderAsync(ct);
            if (!await reader.ReadAsync(ct))
            {
                return 0;
            }

            var (lastId, anchor) = (reader.GetInt64(0), reader.GetString(1));
            await reader.DisposeAsync();

            await using var delete = connection.CreateCommand();
            delete.Transaction = transaction;
            delete.CommandText = "DELETE FROM audit_log WHERE id <= @id";
            delete.AddParameter("@id", lastId);
            var removed = await delete.ExecuteNonQueryAsync(ct);

            AuditAppender.Append(store.Dialect, connection, transaction, chain,
                [new AuditEntry(now, actor, PurgeAction, null, AuditOutcome.Success, AuditChain.PurgeDetail(anchor, removed), null, null)]);
            await transaction.CommitAsync(ct);
            return removed;
        }
        finally
        {
            _gate.Release();
        }
    }

    private const string Select = "SELECT id, at, actor, action, target, outcome, detail, ip, user_agent, prev_hash, hash FROM audit_log";

    private static async Task<IReadOnlyList<AuditRecord>> ReadAsync(DbCommand command, CancellationToken ct)
    {
        var rows = new List<AuditRecord>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
            var entry = new AuditEntry(
                UtcTicks.ToInstant(reader.GetInt64(1)), reader.GetString(2), reader.GetString(3), Text(4), reader.GetString(5), Text(6), Text(7), Text(8));
            rows.Add(new AuditRecord(reader.GetInt64(0), entry, reader.GetString(9), reader.GetString(10)));
        }

        return rows;
    }

    private async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        return await store.OpenConnectionAsync(ct);
    }
}
