using Microsoft.EntityFrameworkCore;
using Twin.Domain.Alarms;
using Twin.Domain.Briefing;
using Twin.Domain.Tickets;

namespace Twin.Data.Store;

/// <summary>The briefing's reads: tickets and alarms of any period, as the engine would show them (reporters masked).</summary>
public sealed partial class TwinStore
{
    /// <summary>SQLite allows 32,766 parameters; chunks of ids keep each statement well under it.</summary>
    private const int IdsPerStatement = 500;

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

    /// <summary>When the first stored ticket was reported; null for an empty store.</summary>
    public async Task<DateTimeOffset?> ReadFirstReportAsync(CancellationToken ct = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await using var db = CreateDbContext();
        return await db.Tickets.AsNoTracking().OrderBy(t => t.ReportedAt).Select(t => (DateTimeOffset?)t.ReportedAt).FirstOrDefaultAsync(ct);
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

    /// <summary>The stored tickets with these ids, in no particular order.</summary>
    public async Task<IReadOnlyList<TicketState>> ReadTicketsAsync(IReadOnlyCollection<string> ticketIds, CancellationToken ct = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await using var db = CreateDbContext();
        var result = new List<TicketState>();
        foreach (var chunk in ticketIds.Distinct(StringComparer.Ordinal).Chunk(IdsPerStatement))
        {
            result.AddRange((await db.Tickets.AsNoTracking().Where(t => chunk.Contains(t.Id)).ToListAsync(ct)).Select(t => t.ToState()));
        }

        return result;
    }

    /// <summary>The department of each given case (a merged report's case may be older than the period read).</summary>
    public async Task<IReadOnlyDictionary<string, string?>> ReadDepartmentsAsync(IReadOnlyCollection<string> ticketIds, CancellationToken ct = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await using var db = CreateDbContext();
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);

        foreach (var chunk in ticketIds.Distinct(StringComparer.Ordinal).Chunk(IdsPerStatement))
        {
            foreach (var row in await db.Tickets.AsNoTracking().Where(t => chunk.Contains(t.Id)).Select(t => new { t.Id, t.Department }).ToListAsync(ct))
            {
                result[row.Id] = row.Department;
            }
        }

        return result;
    }

    /// <summary>
    /// The briefing's complaints repeated at one place (<see cref="DecisionItems.Repeated"/>) among the
    /// reports of [<paramref name="from"/>, <paramref name="to"/>). On PostgreSQL, PostGIS finds the
    /// pairs of same-category reports within <see cref="DecisionItems.RepeatRadiusMetres"/> with the
    /// tickets' spatial index, and only the reports in a pair are read; on SQLite every report of the
    /// period is read and compared in memory. The places are the same either way: the index measures
    /// in the same local metres as the comparison in memory.
    /// </summary>
    public async Task<IReadOnlyList<RepeatedComplaint>> ReadRepeatedComplaintsAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_dialect.Sql.NearPairs is not { } nearPairs)
        {
            return DecisionItems.Repeated(await ReadTicketsReportedAsync(from, to, ct));
        }

        var near = new HashSet<(string, string)>();
        await using (var db = CreateDbContext())
        {
            await db.Database.OpenConnectionAsync(ct);
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = nearPairs;
            command.AddParameter("@from", UtcTicks.From(from));
            command.AddParameter("@to", UtcTicks.From(to));
            command.AddParameter("@radius", DecisionItems.RepeatRadiusMetres);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                near.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        var paired = await ReadTicketsAsync(near.Select(p => p.Item1).ToHashSet(StringComparer.Ordinal), ct);
        return DecisionItems.Repeated(paired, (a, b) => near.Contains((a.Id, b.Id)));
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
