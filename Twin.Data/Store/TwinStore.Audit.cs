using Twin.Data.Audit;

namespace Twin.Data.Store;

public sealed partial class TwinStore
{
    /// <summary>
    /// On a database's first start with the audit chain, records from which history rows on every
    /// ticket step and alarm acknowledgement has its audit row in the same transaction; rows before
    /// (a database older than that rule) are not held to it by verification.
    /// </summary>
    private async Task MarkAuditedHistoryAsync(CancellationToken ct)
    {
        if (_audit is null)
        {
            return;
        }

        await _writeGate.WaitAsync(ct);
        try
        {
            await using var connection = await OpenConnectionAsync(ct);
            await using var transaction = _dialect.BeginWrite(connection);
            await using var read = connection.CreateCommand();
            read.Transaction = transaction;
            read.CommandText =
                """
                SELECT EXISTS (SELECT 1 FROM audit_log WHERE action = @action),
                    (SELECT coalesce(max(id), 0) FROM ticket_history), (SELECT coalesce(max(id), 0) FROM alarm_history)
                """;
            read.AddParameter("@action", AuditActions.HistoryAuditedFrom);
            long tickets, alarms;
            await using (var reader = await read.ExecuteReaderAsync(ct))
            {
                await reader.ReadAsync(ct);
                if (reader.GetBoolean(0))
                {
                    return;
                }

                (tickets, alarms) = (reader.GetInt64(1), reader.GetInt64(2));
            }

            AuditAppender.Append(_dialect, connection, transaction, _audit,
            [
                new AuditEntry(_time.GetUtcNow(), "system", AuditActions.HistoryAuditedFrom, null, AuditOutcome.Success,
                    $"history rows before these carry no audit row: {AuditedHistory.Range(AuditedHistory.Tickets, 0, tickets)}; {AuditedHistory.Range(AuditedHistory.Alarms, 0, alarms)}",
                    null, null),
            ]);
            await transaction.CommitAsync(ct);
        }
        finally
        {
            _writeGate.Release();
        }
    }
}
