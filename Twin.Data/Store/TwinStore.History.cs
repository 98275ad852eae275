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
    /// first: its raw readings from the oldest one still kept, hourly rollups before that (the
    /// chart of the last 24 h and of 30 days reads this).
    /// </summary>
    public async Task<IReadOnlyList<SensorHistoryPoint>> GetSensorHistoryAsync(
        string sensorId, DateTimeOffset fromUtc, DateTimeOffset toUtc, CancellationToken ct = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await using var db = CreateDbContext();
        var oldestRaw = await db.Observations.AsNoTracking().Where(o => o.SensorId == sensorId)
            .OrderBy(o => o.ObservedAt).Select(o => (DateTimeOffset?)o.ObservedAt).FirstOrDefaultAsync(ct);
        var rawFrom = oldestRaw is { } raw && raw > fromUtc ? raw : fromUtc;
        var rollupUntil = oldestRaw is null ? toUtc : rawFrom < toUtc ? rawFrom : toUtc;

        var hours = await db.HourlyRollups.AsNoTracking()
            .Where(h => h.SensorId == sensorId && h.PeriodStart >= fromUtc && h.PeriodStart < rollupUntil)
            .OrderBy(h => h.PeriodStart)
            .Select(h => new SensorHistoryPoint(h.PeriodStart, h.Count, h.Min, h.Mean, h.Max, h.Last, false))
            .ToListAsync(ct);
        if (oldestRaw is null || rawFrom >= toUtc)
        {
            return hours;
        }

        var readings = await db.Observations.AsNoTracking()
            .Where(o => o.SensorId == sensorId && o.ObservedAt >= rawFrom && o.ObservedAt < toUtc)
            .OrderBy(o => o.ObservedAt)
            .Select(o => new SensorHistoryPoint(o.ObservedAt, 1, o.Value, o.Value, o.Value, o.Value, true))
            .ToListAsync(ct);
        return [.. hours, .. readings];
    }
}
