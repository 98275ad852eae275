using Twin.Data.History;
using Twin.Data.Tests.Support;
using Twin.Domain.Drones;
using Twin.Domain.Engine;
using Twin.Domain.Simulation;
using Twin.Domain.Time;
using Xunit.Abstractions;

namespace Twin.Data.Tests.History;

public sealed class WarmStartTests(ITestOutputHelper output)
{
    /// <summary>A Friday afternoon, so that the month behind it holds four weekends.</summary>
    internal static readonly DateTimeOffset Now = new(2026, 12, 4, 7, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task Same_seed_writes_the_same_month()
    {
        var first = await WarmAsync(days: 2);
        var second = await WarmAsync(days: 2);

        Assert.True(first.Result.Tickets > 2 * 1000, $"{first.Result.Tickets} tickets in 2 days");

        // Every device's every hour before the current one, bar the few a long outage silenced whole.
        var hours = (Now - ShanghaiClock.StartOfDay(Now).AddDays(-2)).TotalHours;
        Assert.InRange(first.Result.HourlyRollups, (long)(0.99 * 2000 * Math.Floor(hours)), 2000 * (long)Math.Floor(hours));
        Assert.True(first.Result.Missions > 100, $"{first.Result.Missions} missions");
        Assert.Equal(first.Counts, second.Counts);
        Assert.Equal(100, first.FirstIds.Count);
        Assert.Equal(first.FirstIds, second.FirstIds);
    }

    [Fact]
    public async Task The_engine_rebuilt_after_a_warm_start_shows_the_stored_month()
    {
        using var database = new TempDatabase();
        await using var store = database.CreateStore();
        await store.InitializeAsync();
        var options = new SimulatorOptions { HistoryDays = 2 };
        var progress = new List<WarmStartProgress>();
        await new WarmStart(TestDistrict.Map, TestDistrict.Catalogue, TestDistrict.Cameras, options) { PatrolRoutes = TestDistrict.Routes }
            .RunAsync(store, Now, new SynchronousProgress(progress));

        var engine = new TwinEngine(TestDistrict.Map, TestDistrict.Catalogue, new SteppedClock(Now));
        engine.Restore(await store.LoadRestoreStateAsync(Now));
        var signs = engine.Snapshot().VitalSigns;

        // Brute force: every stored ticket and alarm read back and counted here.
        var today = ShanghaiClock.StartOfDay(Now);
        var tickets = ReadTickets(database);
        Assert.Equal(tickets.Count(t => t.Status < 5), signs.Pulse.Backlog);
        Assert.Equal(tickets.Count(t => t.ReportedAt >= today), signs.Pulse.TicketsToday);
        Assert.Equal(tickets.Count(t => t.ClosedAt >= today), signs.Pulse.ClosedToday);
        Assert.Equal(tickets.Count(t => t.ReportedAt >= today && t.Channel == "Hotline12345"), signs.Voice.HotlineToday);
        Assert.Equal(
            tickets.Count(t => t.ReportedAt >= today.AddDays(-1) && t.ReportedAt < Now.AddDays(-1) && t.Channel == "Hotline12345"),
            signs.Voice.HotlineSameTimeYesterday);
        Assert.Equal(database.Scalar("SELECT COUNT(*) FROM alarms WHERE cleared_at IS NULL"), signs.Alerts.Active);
        Assert.True(signs.Pulse.ClosedToday > 100 && signs.Voice.HotlineSameTimeYesterday > 50, "a morning's real figures at once");

        // The on-time share holds near the simulator's 8 % overdue share, since nothing was late for lack of machine time.
        var closed = tickets.Where(t => t.ClosedAt is not null).ToList();
        var onTime = closed.Count(t => t.OverdueSteps == 0) / (double)closed.Count;
        Assert.InRange(onTime, 0.88, 0.96);
        Assert.Equal(WarmStartStage.Done, progress[^1].Stage);
        Assert.True(progress.Count > 4 && progress.Zip(progress.Skip(1)).All(p => p.First.Fraction <= p.Second.Fraction), "progress moves forward");
        AssertMissionsFlewAtTheDroneModelsPace(database, options);
    }

    /// <summary>
    /// Every patrol took its out-and-back route's length at cruise speed (or less, turned back or
    /// pre-empted; never faster than top speed), every alarm flight went to a critical alarm after
    /// it was raised and stayed its time on station, and the fleet is docked with nothing in the air.
    /// </summary>
    private void AssertMissionsFlewAtTheDroneModelsPace(TempDatabase database, SimulatorOptions options)
    {
        var area = new OperatingArea(TestDistrict.Map);
        var missions = ReadMissions(database);
        var from = ShanghaiClock.StartOfDay(Now).AddDays(-options.HistoryDays);
        var patrols = missions.Where(m => m.Kind == nameof(MissionKind.Patrol)).ToList();
        var flights = missions.Where(m => m.Kind == nameof(MissionKind.AlarmFlight)).ToList();
        output.WriteLine($"{patrols.Count} patrols, {flights.Count} alarm flights; patrol minutes by route: " + string.Join(", ",
            patrols.Where(p => p.Note == "巡逻完成返航 · patrol complete").GroupBy(p => p.RouteId).Select(g => $"{g.Key} {g.Average(p => p.Duration.TotalMinutes):F1}")));

        // A patrol is about 8–18 minutes plus a few minutes' charge: dozens a drone a day.
        Assert.True(patrols.Count >= 40 * options.DroneCount * options.HistoryDays, $"{patrols.Count} patrols");
        Assert.Equal(missions.Select((_, i) => $"M-{i + 1:D6}"), missions.Select(m => m.Id));
        Assert.All(missions, m => Assert.True(m.PlannedAt >= from && m.EndedAt <= Now && m.EndedAt >= m.PlannedAt, $"{m.Id} {m.PlannedAt:O}–{m.EndedAt:O}"));
        Assert.All(missions, m => Assert.Contains(m.Status, new[] { nameof(MissionStatus.Landed), nameof(MissionStatus.Aborted) }));
        foreach (var patrol in patrols)
        {
            var metres = patrol.Waypoints.Zip(patrol.Waypoints.Skip(1)).Sum(leg => area.DistanceMetres(leg.First, leg.Second));
            var cruise = TimeSpan.FromSeconds(metres / DroneSimulator.CruiseSpeedMps);
            Assert.True(patrol.Duration >= TimeSpan.FromSeconds(patrol.Status == nameof(MissionStatus.Aborted) ? 0 : metres / DroneSimulator.MaxSpeedMps * 0.5), $"{patrol.Id}: {patrol.Duration} for {metres:F0} m");
            if (patrol.Note == "巡逻完成返航 · patrol complete")
            {
                Assert.InRange(patrol.Duration, TimeSpan.FromSeconds(metres / DroneSimulator.MaxSpeedMps), cruise + TimeSpan.FromSeconds(5));
                Assert.InRange(patrol.Duration, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(25));
            }
            else
            {
                Assert.True(patrol.Duration < cruise + TimeSpan.FromMinutes(10), $"{patrol.Id} ({patrol.Note}): {patrol.Duration} for a {metres:F0} m route");
            }
        }

        Assert.NotEmpty(flights);
        using var connection = database.OpenRaw();
        foreach (var flight in flights)
        {
            using var command = connection.CreateCommand();
            // Critical when the drone was sent (an alarm eases off as its readings fall back).
            command.CommandText = $"SELECT MIN(at) FROM alarm_history WHERE alarm_id = '{flight.TargetId}' AND severity = 'Critical'";
            var critical = command.ExecuteScalar();
            Assert.True(critical is long, $"{flight.Id} flew to {flight.TargetId}, never a critical alarm");
            Assert.Equal(new DateTimeOffset((long)critical!, TimeSpan.Zero), flight.PlannedAt);
            if (flight.Note == "现场悬停结束返航 · time on station over")
            {
                // Three minutes on station, and there and back at cruise speed within the district (under 10 km).
                Assert.InRange(flight.Duration, DroneSimulator.HoverTime, DroneSimulator.HoverTime + TimeSpan.FromSeconds(2 * 10_000 / DroneSimulator.CruiseSpeedMps));
            }
        }

        Assert.Equal(options.DroneCount, database.Scalar("SELECT COUNT(*) FROM drones WHERE status = 'Docked' AND mission_id IS NULL"));
    }

    private sealed record StoredMission(
        string Id, string Kind, string Status, string? RouteId, string? TargetId, IReadOnlyList<Twin.Domain.Geography.GeoPoint> Waypoints,
        DateTimeOffset PlannedAt, DateTimeOffset EndedAt, string? Note)
    {
        public TimeSpan Duration => EndedAt - PlannedAt;
    }

    private static List<StoredMission> ReadMissions(TempDatabase database)
    {
        using var connection = database.OpenRaw();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, kind, status, route_id, target_id, waypoints, planned_at, updated_at, note FROM missions ORDER BY id";
        using var reader = command.ExecuteReader();
        var result = new List<StoredMission>();
        while (reader.Read())
        {
            result.Add(new StoredMission(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), Twin.Data.Drones.WaypointText.Parse(reader.GetString(5)),
                new DateTimeOffset(reader.GetInt64(6), TimeSpan.Zero), new DateTimeOffset(reader.GetInt64(7), TimeSpan.Zero),
                reader.IsDBNull(8) ? null : reader.GetString(8)));
        }

        return result;
    }

    private static List<(string Channel, int Status, DateTimeOffset ReportedAt, DateTimeOffset? ClosedAt, int OverdueSteps)> ReadTickets(TempDatabase database)
    {
        var statuses = Enum.GetNames<Twin.Domain.Tickets.TicketStatus>();
        using var connection = database.OpenRaw();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT channel, status, reported_at, closed_at, overdue_steps FROM tickets";
        using var reader = command.ExecuteReader();
        var result = new List<(string, int, DateTimeOffset, DateTimeOffset?, int)>();
        while (reader.Read())
        {
            result.Add((
                reader.GetString(0),
                Array.IndexOf(statuses, reader.GetString(1)),
                new DateTimeOffset(reader.GetInt64(2), TimeSpan.Zero),
                reader.IsDBNull(3) ? null : new DateTimeOffset(reader.GetInt64(3), TimeSpan.Zero),
                reader.GetInt32(4)));
        }

        return result;
    }

    /// <summary>Records every report on the reporting thread (<see cref="Progress{T}"/> would post them later).</summary>
    private sealed class SynchronousProgress(List<WarmStartProgress> reports) : IProgress<WarmStartProgress>
    {
        public void Report(WarmStartProgress value) => reports.Add(value);
    }

    private async Task<(WarmStartResult Result, string Counts, IReadOnlyList<string> FirstIds)> WarmAsync(int days)
    {
        using var database = new TempDatabase();
        await using var store = database.CreateStore();
        await store.InitializeAsync();
        var options = new SimulatorOptions { HistoryDays = days };
        var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        var result = await new WarmStart(TestDistrict.Map, TestDistrict.Catalogue, TestDistrict.Cameras, options) { PatrolRoutes = TestDistrict.Routes }
            .RunAsync(store, Now);
        output.WriteLine($"{days} days: {result}; CPU {System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu}");

        // The rollups' values too, not only their number: a sum over every hour of every device.
        var counts = string.Join(", ", new[] { "tickets", "ticket_history", "alarms", "alarm_history", "observations", "sensors", "observation_hourly", "observation_daily", "missions" }
            .Select(t => $"{t}={database.Scalar($"SELECT COUNT(*) FROM {t}")}")
            .Append($"hourly sums={database.Scalar("SELECT SUM(count) FROM observation_hourly")}/{database.Scalar("SELECT CAST(SUM(mean + max - min + last) * 1000 AS INTEGER) FROM observation_hourly")}")
            .Append($"mission seconds={database.Scalar("SELECT SUM(updated_at - planned_at) / 10000000 FROM missions")}"));
        output.WriteLine(counts);
        using var connection = database.OpenRaw();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id FROM tickets ORDER BY reported_at, id LIMIT 100";
        var ids = new List<string>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                ids.Add(reader.GetString(0));
            }
        }

        return (result, counts, ids);
    }
}
