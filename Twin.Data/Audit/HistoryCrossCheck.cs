using System.Globalization;
using System.Data.Common;

namespace Twin.Data.Audit;

/// <summary>
/// The second half of verification: every ticket step and alarm acknowledgement, filing, assignment and escalation in the histories
/// must have the audit row the store writes in the same transaction. A missing one means a change
/// reached the record without its audit entry (a crash between two writes, or a deleted newest
/// row that no anchor covers yet). Rows named by a replayed range or before the database's
/// <c>history.audited-from</c> mark are covered by those rows. After retention purged the oldest
/// audit rows, history older than the oldest row still named is not checked.
/// </summary>
internal static class HistoryCrossCheck
{
    public static async Task<string?> FindMissingAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<AuditRecord> rows, CancellationToken ct)
    {
        var named = new Dictionary<string, Coverage>(StringComparer.Ordinal)
        {
            [AuditedHistory.Tickets] = new(),
            [AuditedHistory.Alarms] = new(),
        };
        var purged = false;
        foreach (var row in rows)
        {
            purged |= row.Entry.Action == AuditLog.PurgeAction;
            foreach (var (table, first, last) in AuditedHistory.Named(row.Entry.Detail))
            {
                named[table].Add(first, last);
            }
        }

        var missing = 0L;
        string? firstMissing = null;
        async Task CheckAsync(string table, string sql)
        {
            var coverage = named[table];
            var floor = purged ? coverage.Lowest : 0;
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var id = reader.GetInt64(0);
                if (id >= floor && !coverage.Covers(id))
                {
                    missing++;
                    firstMissing ??= string.Create(CultureInfo.InvariantCulture, $"{AuditedHistory.Row(table, id)} ({reader.GetString(1)}: {reader.GetString(2)})");
                }
            }
        }

        await CheckAsync(AuditedHistory.Tickets,
            "SELECT id, ticket_id, coalesce(from_status || '→', '') || to_status FROM ticket_history ORDER BY id");
        await CheckAsync(AuditedHistory.Alarms,
            "SELECT id, alarm_id, change FROM alarm_history WHERE change IN ('Acknowledged', 'FiledAsCase', 'Assigned', 'DutyEscalated') ORDER BY id");
        return firstMissing is null
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"{missing} history step(s) have no audit row, the first {firstMissing}");
    }

    private sealed class Coverage
    {
        private readonly HashSet<long> _rows = [];
        private readonly List<(long First, long Last)> _ranges = [];

        public long Lowest { get; private set; } = long.MaxValue;

        public void Add(long first, long last)
        {
            if (first == last)
            {
                _rows.Add(first);
            }
            else
            {
                _ranges.Add((first, last));
            }

            Lowest = Math.Min(Lowest, first);
        }

        public bool Covers(long id) => _rows.Contains(id) || _ranges.Exists(r => id >= r.First && id <= r.Last);
    }
}
