using Microsoft.EntityFrameworkCore;
using Twin.Domain.Alarms;
using Twin.Domain.Tickets;

namespace Twin.Data.Store;

/// <summary>The briefing's reads: tickets and alarms of any period, as the engine would show them (reporters masked).</summary>
public sealed partial class TwinStore
{
    /// <summary>Tickets reported in [<paramref name="from"/>, <paramref name="to"/>), oldest first.</summary>
    public async Task<IReadOnlyList<TicketState>> ReadTicketsReportedAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await using var db = CreateDbContext();
        var rows = await db.Tickets.AsNoTracking()
            .Where(t => t.ReportedAt >= from && t.ReportedAt < to)
            .OrderBy(t => t.ReportedAt).ThenBy(t => t.Id)
            .ToListAsync(ct);
        return rows.Select(t => t.ToState()).ToList();
    }

    /// <summary>Tickets reported, dispatched or closed in [<paramref name="from"/>, <paramref name="to"/>), oldest report first.</summary>
    public async Task<IReadOnlyList<TicketState>> ReadTicketsMovedAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await using var db = CreateDbContext();
        var rows = await db.Tickets.AsNoTracking()
            .Where(t => (t.ReportedAt >= from && t.ReportedAt < to)
                || (t.DispatchedAt >= from && t.DispatchedAt < to)
                || (t.ClosedAt >= from && t.ClosedAt < to))
            .OrderBy(t => t.ReportedAt).ThenBy(t => t.Id)
            .ToListAsync(ct);
        return rows.Select(t => t.ToState()).ToList();
    }

    /// <summary>Every open case, oldest report first.</summary>
    public async Task<IReadOnlyList<TicketState>> ReadOpenTicketsAsync(CancellationToken ct = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await using var db = CreateDbContext();
        var rows = await db.Tickets.AsNoTracking()
            .Where(t => OpenStatuses.Contains(t.Status))
            .OrderBy(t => t.ReportedAt).ThenBy(t => t.Id)
            .ToListAsync(ct);
        return rows.Select(t => t.ToState()).ToList();
    }

    /// <summary>The department of each given case (a merged report's case may be older than the period read).</summary>
    public async Task<IReadOnlyDictionary<string, string?>> ReadDepartmentsAsync(IReadOnlyCollection<string> ticketIds, CancellationToken ct = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await using var db = CreateDbContext();
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);

        // SQLite allows 32,766 parameters; chunks keep each statement well under it.
        foreach (var chunk in ticketIds.Distinct(StringComparer.Ordinal).Chunk(500))
        {
            foreach (var row in await db.Tickets.AsNoTracking().Where(t => chunk.Contains(t.Id)).Select(t => new { t.Id, t.Department }).ToListAsync(ct))
            {
                result[row.Id] = row.Department;
            }
        }

        return result;
    }

    /// <summary>Alarms raised in [<paramref name="from"/>, <paramref name="to"/>) and, with <paramref name="andActive"/>, every alarm not cleared.</summary>
    public async Task<IReadOnlyList<AlarmState>> ReadAlarmsAsync(DateTimeOffset from, DateTimeOffset to, bool andActive, CancellationToken ct = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await using var db = CreateDbContext();
        var rows = await db.Alarms.AsNoTracking()
            .Where(a => (a.RaisedAt >= from && a.RaisedAt < to) || (andActive && a.ClearedAt == null))
            .OrderBy(a => a.RaisedAt).ThenBy(a => a.Id)
            .ToListAsync(ct);
        return rows.Select(a => a.ToState()).ToList();
    }
}
