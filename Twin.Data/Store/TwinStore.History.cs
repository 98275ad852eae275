using Microsoft.EntityFrameworkCore;
using Twin.Data.Sensors;
using Twin.Domain.Tickets;

namespace Twin.Data.Store;

public sealed partial class TwinStore
{
    /// <summary>
    /// A stored ticket of any age, as the engine would show it (reporter masked); null when unknown.
    /// Closed tickets leave the engine's memory at the second midnight, not the store.
    /// </summary>
    public async Task<TicketState?> GetTicketAsync(string ticketId, CancellationToken ct = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await using var db = CreateDbContext();
        var row = await db.Tickets.AsNoTracking().FirstOrDefaultAsync(t => t.Id == ticketId, ct);
        return row?.ToState();
    }

    /// <summary>
    /// A sensor's history over [<paramref name="fromUtc"/>, <paramref name="toUtc"/>), oldest
    /// first (the chart of the last 24 h and of 30 days reads this): an hour's raw readings where
    /// all of them are kept, its hourly rollup where some are gone. The warm start keeps only the
    /// readings around a month's alarms and the trim takes a partly expired hour, so "raw from the
    /// oldest kept reading" would show a rolled-up month as scattered points.
    /// </summary>
    public async Task<IReadOnlyList<SensorHistoryPoint>> GetSensorHistoryAsync(
        string sensorId, DateTimeOffset fromUtc, DateTimeOffset toUtc, CancellationToken ct = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await using var db = CreateDbContext();
        var hours = await db.HourlyRollups.AsNoTracking()
            .Where(h => h.SensorId == sensorId && h.PeriodStart >= fromUtc && h.PeriodStart < toUtc)
            .Select(h => new SensorHistoryPoint(h.PeriodStart, h.Count, h.Min, h.Mean, h.Max, h.Last, false))
            .ToListAsync(ct);
        var readings = await db.Observations.AsNoTracking()
            .Where(o => o.SensorId == sensorId && o.ObservedAt >= fromUtc && o.ObservedAt < toUtc)
            .OrderBy(o => o.ObservedAt)
            .Select(o => new SensorHistoryPoint(o.ObservedAt, 1, o.Value, o.Value, o.Value, o.Value, true))
            .ToListAsync(ct);

        var keptPerHour = readings.CountBy(r => FloorToHour(r.At)).ToDictionary();
        var rolledUp = hours.Where(h => keptPerHour.GetValueOrDefault(h.At) < h.Count).ToList();
        var rolledUpHours = rolledUp.Select(h => h.At).ToHashSet();
        return [.. rolledUp.Concat(readings.Where(r => !rolledUpHours.Contains(FloorToHour(r.At)))).OrderBy(p => p.At)];
    }
}
