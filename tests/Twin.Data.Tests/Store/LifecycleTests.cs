using Twin.Data.Audit;
using Twin.Data.Store;
using Twin.Data.Store.Providers;
using Twin.Data.Tests.Support;
using Twin.Domain.Engine;
using Twin.Domain.Sensors;
using Twin.Domain.Time;

namespace Twin.Data.Tests.Store;

/// <summary>
/// Retention on a fake clock: ten days of readings every 10 minutes from three sensors, then a
/// lifecycle pass at a chosen instant. Rollups are checked against a recount of the readings
/// themselves, made before anything was trimmed. On each provider; backups (a copy of the SQLite
/// file) on SQLite only.
/// </summary>
public abstract class LifecycleTests(StorageProvider provider) : IAsyncLifetime
{
    protected static readonly DateTimeOffset Start = ShanghaiClock.StartOfDay(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero));
    protected static readonly DateTimeOffset Now = Start.AddDays(10).AddMinutes(5);
    private static readonly RetentionPolicy Defaults = new(TimeSpan.FromDays(7), TimeSpan.FromDays(730), RowsPerTransaction: 100);
    private protected readonly TempDatabase _db = new(provider);
    private protected readonly List<Observation> _readings = [];
    private protected TwinStore _store = null!;

    public async Task InitializeAsync()
    {
        _store = _db.CreateStore();
        await _store.InitializeAsync();
        var clock = Scenario.Clock(Start);
        var engine = Scenario.Engine(clock);
        foreach (var id in new[] { "S-1", "S-2", "S-3" })
        {
            engine.Apply(new RegisterSensorCommand(Scenario.Sensor(id, SensorKind.Noise)));
        }

        for (var at = Start; at < Now; at = at.AddMinutes(10))
        {
            for (var i = 1; i <= 3; i++)
            {
                _readings.Add(new Observation($"S-{i}", Math.Round(40 + 10 * Math.Sin(at.UtcTicks / 1e11 * i), 2), at, null));
            }
        }

        await _store.WriteAsync(new TwinBatch(_readings, [], engine.DrainEvents(), engine.DrainChangedSensors()));
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        _db.Dispose();
    }

    [Fact]
    public async Task Raw_readings_past_the_window_go_and_the_rollups_that_replace_them_match_a_recount()
    {
        var result = await _store.RunLifecycleAsync(Now, Defaults);

        var cutoff = Now.AddDays(-7);
        Assert.Equal(_readings.Count(o => o.ObservedAt < cutoff), result.RawRowsDeleted);
        Assert.Equal(0, _db.Scalar($"SELECT COUNT(*) FROM observations WHERE observed_at < {cutoff.UtcTicks}"));
        Assert.Equal(_readings.Count(o => o.ObservedAt >= cutoff), _db.Scalar("SELECT COUNT(*) FROM observations"));

        // Every finished hour of every sensor, summed up exactly as the readings say.
        var finishedHour = new DateTimeOffset(Now.UtcTicks - Now.UtcTicks % TimeSpan.TicksPerHour, TimeSpan.Zero);
        var expected = _readings.Where(o => o.ObservedAt < finishedHour)
            .GroupBy(o => (o.SensorId, Hour: o.ObservedAt.UtcTicks - o.ObservedAt.UtcTicks % TimeSpan.TicksPerHour))
            .ToDictionary(g => g.Key, g => (Count: g.Count(), Min: g.Min(o => o.Value), Mean: g.Average(o => o.Value), Max: g.Max(o => o.Value), Last: g.MaxBy(o => o.ObservedAt)!.Value));
        var hourly = ReadRollups("observation_hourly");
        Assert.Equal(expected.Count, hourly.Count);
        foreach (var (key, want) in expected)
        {
            var got = hourly[key];
            Assert.Equal(want.Count, got.Count);
            Assert.Equal(want.Min, got.Min);
            Assert.Equal(want.Max, got.Max);
            Assert.Equal(want.Mean, got.Mean, 9);
            Assert.Equal(want.Last, got.Last);
        }

        // Ten whole Shanghai days are finished; each day is its hours combined.
        var daily = ReadRollups("observation_daily");
        Assert.Equal(30, daily.Count);
        var firstDay = _readings.Where(o => o.SensorId == "S-2" && o.ObservedAt < Start.AddDays(1)).ToList();
        var day = daily[("S-2", Start.UtcTicks)];
        Assert.Equal(firstDay.Count, day.Count);
        Assert.Equal(firstDay.Average(o => o.Value), day.Mean, 9);
        Assert.Equal(firstDay.Max(o => o.Value), day.Max);
        Assert.Equal(firstDay[^1].Value, day.Last);
    }

    [Fact]
    public async Task A_sensors_history_is_hourly_before_the_raw_window_and_raw_within_it()
    {
        await _store.RunLifecycleAsync(Now, Defaults);

        var points = await _store.GetSensorHistoryAsync("S-1", Now.AddDays(-9), Now);

        // The trim cut the hour at the window's edge in two: that hour is its rollup, not five readings.
        var firstWholeHour = HourOf(Now.AddDays(-7)).AddHours(1);
        Assert.All(points.Where(p => p.At < firstWholeHour), p => Assert.False(p.IsRaw));
        Assert.Equal(48, points.Count(p => !p.IsRaw));
        Assert.Equal(_readings.Count(o => o.SensorId == "S-1" && o.ObservedAt >= firstWholeHour), points.Count(p => p.IsRaw));
        Assert.Equal(points.Select(p => p.At).Order(), points.Select(p => p.At));
    }

    [Fact]
    public async Task An_hour_with_only_some_readings_kept_shows_its_rollup_among_raw_hours()
    {
        await _store.RunLifecycleAsync(Now, Defaults);
        // As a warm start leaves a month: the readings around an alarm kept, the rest summed up.
        var sparse = Start.AddDays(8).AddHours(10);
        _db.Scalar($"DELETE FROM observations WHERE sensor_id = 'S-1' AND observed_at >= {sparse.UtcTicks} AND observed_at < {sparse.AddMinutes(50).UtcTicks}");

        var points = await _store.GetSensorHistoryAsync("S-1", Start.AddDays(8), Start.AddDays(9));

        var hour = Assert.Single(points, p => HourOf(p.At) == sparse);
        Assert.False(hour.IsRaw);
        Assert.Equal(6, hour.Count);
        Assert.Equal(_readings.Where(o => o.SensorId == "S-1" && HourOf(o.ObservedAt) == sparse).Max(o => o.Value), hour.Max);
        Assert.Equal(23 * 6, points.Count(p => p.IsRaw));
        Assert.Equal(points.Select(p => p.At).Order(), points.Select(p => p.At));
    }

    private static DateTimeOffset HourOf(DateTimeOffset at) =>
        new(at.UtcTicks - at.UtcTicks % TimeSpan.TicksPerHour, TimeSpan.Zero);

    [Fact]
    public async Task Nothing_a_rollup_does_not_cover_is_trimmed_and_a_second_pass_changes_nothing()
    {
        // A window of zero days would take every reading, but the hour still running has no rollup yet.
        var first = await _store.RunLifecycleAsync(Now, Defaults with { RawObservations = TimeSpan.Zero });
        var runningHour = new DateTimeOffset(Now.UtcTicks - Now.UtcTicks % TimeSpan.TicksPerHour, TimeSpan.Zero);
        Assert.Equal(_readings.Count(o => o.ObservedAt >= runningHour), _db.Scalar("SELECT COUNT(*) FROM observations"));
        Assert.True(first.HoursRolledUp > 200);

        var again = await _store.RunLifecycleAsync(Now, Defaults);
        Assert.Equal(new LifecycleResult(0, 0, 0, 0), again);
    }

    [Fact]
    public async Task Hourly_rollups_older_than_their_keep_give_way_to_daily_ones()
    {
        await _store.RunLifecycleAsync(Now, Defaults);
        var hoursBefore = _db.Scalar("SELECT COUNT(*) FROM observation_hourly");

        var result = await _store.RunLifecycleAsync(Now, Defaults with { HourlyRollups = TimeSpan.FromDays(3) });

        // Only hours of days already summed up go; the daily rows stay for good.
        Assert.Equal(hoursBefore - _db.Scalar("SELECT COUNT(*) FROM observation_hourly"), result.HourlyRowsDeleted);
        Assert.Equal(0, _db.Scalar($"SELECT COUNT(*) FROM observation_hourly WHERE period_start < {Now.AddDays(-3).UtcTicks}"));
        Assert.Equal(30, _db.Scalar("SELECT COUNT(*) FROM observation_daily"));
    }

    private Dictionary<(string, long), (int Count, double Min, double Mean, double Max, double Last)> ReadRollups(string table)
    {
        using var connection = _db.OpenRaw();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT sensor_id, period_start, count, min, mean, max, last FROM {table}";
        using var reader = command.ExecuteReader();
        var result = new Dictionary<(string, long), (int, double, double, double, double)>();
        while (reader.Read())
        {
            result[(reader.GetString(0), reader.GetInt64(1))] = (reader.GetInt32(2), reader.GetDouble(3), reader.GetDouble(4), reader.GetDouble(5), reader.GetDouble(6));
        }

        return result;
    }
}

public sealed class LifecycleTestsOnSqlite() : LifecycleTests(StorageProvider.Sqlite)
{
    [Fact]
    public async Task A_backup_restored_into_a_fresh_place_holds_every_committed_ticket_and_a_verifying_audit_chain()
    {
        var chain = new AuditChain(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        var log = new AuditLog(_store, chain);
        await log.AppendAsync(Enumerable.Range(1, 5)
            .Select(i => new AuditEntry(Start.AddMinutes(i), "officer-1", "auth.login", "officer-1", AuditOutcome.Success, $"step {i}", "127.0.0.1", "tests")).ToList());
        var tickets = Enumerable.Range(1, 20).Select(i => Scenario.Ticket($"T-{i:D3}", Start.AddMinutes(i))).ToList();
        var clock = Scenario.Clock(Start.AddHours(1));
        var engine = Scenario.Engine(clock);
        foreach (var ticket in tickets)
        {
            engine.Apply(new ReportTicketCommand(ticket));
        }

        // Written as the app writes them: each ticket's first step with its audit row in the batch.
        await using (var audited = _db.CreateStore(audit: chain))
        {
            await audited.WriteAsync(new TwinBatch([], tickets, engine.DrainEvents(), []));
        }

        var backup = Path.Combine(Path.GetDirectoryName(_db.DatabasePath)!, "backups", "copy.db");
        await _store.BackupAsync(backup);

        using var target = new TempDatabase();
        Assert.Null(TwinStore.Restore(backup, target.DatabasePath, Now));
        await using var restored = target.CreateStore();
        await restored.InitializeAsync();
        Assert.Equal(tickets.Select(t => t.Id).Order(), ReadIds(target, "SELECT id FROM tickets").Order());
        Assert.Equal(_readings.Count, target.Scalar("SELECT COUNT(*) FROM observations"));
        var verified = await new AuditLog(restored, chain).VerifyAsync([]);
        Assert.True(verified.Intact, verified.Problem);
        Assert.Equal(5 + tickets.Count, verified.Rows);
    }

    [Fact]
    public void A_file_that_is_not_a_twin_database_is_refused_and_the_current_one_left_alone()
    {
        var bogus = Path.Combine(Path.GetDirectoryName(_db.DatabasePath)!, "not-a-backup.db");
        File.WriteAllText(bogus, "hello");
        Assert.ThrowsAny<Exception>(() => TwinStore.Restore(bogus, _db.DatabasePath, Now));
        Assert.True(File.Exists(_db.DatabasePath));
    }

    private static List<string> ReadIds(TempDatabase db, string sql)
    {
        using var connection = db.OpenRaw();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var ids = new List<string>();
        while (reader.Read())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }
}

public sealed class LifecycleTestsOnPostgres() : LifecycleTests(StorageProvider.Postgres);
