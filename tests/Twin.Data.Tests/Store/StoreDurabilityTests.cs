using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Twin.Data.Store;
using Twin.Data.Tests.Support;
using Twin.Domain.Alarms;
using Twin.Domain.Dispatch;
using Twin.Domain.Engine;
using Twin.Domain.Geography;
using Twin.Domain.Sensors;
using Twin.Domain.Tickets;
using Twin.Domain.Time;

namespace Twin.Data.Tests.Store;

public sealed class StoreDurabilityTests : IAsyncLifetime
{
    private readonly TempDatabase _db = new();
    private readonly TwinStore _store;

    public StoreDurabilityTests() => _store = _db.CreateStore();

    public Task InitializeAsync() => _store.InitializeAsync();

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        _db.Dispose();
    }

    [Fact]
    public async Task Database_is_in_wal_mode_and_the_store_connections_sync_fully()
    {
        using (var raw = _db.OpenRaw())
        {
            using var command = raw.CreateCommand();
            command.CommandText = "PRAGMA journal_mode";
            Assert.Equal("wal", (string?)command.ExecuteScalar());
        }

        await using var context = _store.CreateDbContext();
        await context.Database.OpenConnectionAsync();
        await using var pragma = context.Database.GetDbConnection().CreateCommand();
        pragma.CommandText = "PRAGMA synchronous";
        Assert.Equal(2L, await pragma.ExecuteScalarAsync()); // 2 = FULL
    }

    [Fact]
    public async Task Migrations_are_applied_once_and_initialising_again_is_harmless()
    {
        await _store.InitializeAsync();

        await using var context = _store.CreateDbContext();
        Assert.Empty(await context.Database.GetPendingMigrationsAsync());
        Assert.Equal(context.Database.GetMigrations(), await context.Database.GetAppliedMigrationsAsync());
        Assert.Equal(1, _db.Scalar("SELECT COUNT(*) FROM sqlite_master WHERE name = 'ix_observations_sensor_id_observed_at'"));
    }

    [Fact]
    public async Task Replaying_the_same_observation_stores_one_row()
    {
        var sensor = SensorIn(SensorKind.Noise, "N-1");
        var observation = new Observation("N-1", 55, Scenario.Morning, 90);
        await _store.WriteAsync(new TwinBatch([observation], [], [], [sensor]));
        await _store.WriteAsync(new TwinBatch([observation, observation], [], [], []));

        Assert.Equal(1, await _store.CountObservationsAsync());
    }

    [Fact]
    public async Task A_batch_is_written_whole_or_not_at_all()
    {
        var sensor = SensorIn(SensorKind.Noise, "N-1");
        var orphan = new Observation("NO-SUCH-SENSOR", 1, Scenario.Morning);

        await Assert.ThrowsAsync<SqliteException>(() =>
            _store.WriteAsync(new TwinBatch([new Observation("N-1", 1, Scenario.Morning), orphan], [], [], [sensor])));

        Assert.Equal(0, _db.Scalar("SELECT COUNT(*) FROM sensors"));
        Assert.Equal(0, await _store.CountObservationsAsync());

        await _store.WriteAsync(new TwinBatch([new Observation("N-1", 1, Scenario.Morning)], [], [], [sensor]));
        Assert.Equal(1, await _store.CountObservationsAsync());
    }

    [Fact]
    public async Task Restore_takes_open_recent_and_within_the_evaluation_window_closed_tickets_and_active_or_recent_alarms()
    {
        var now = Scenario.Morning;
        var todayStart = ShanghaiClock.StartOfDay(now);
        var yesterdayStart = todayStart.AddDays(-1);
        var tickets = new[]
        {
            Ticket("old-open", yesterdayStart.AddDays(-3), TicketStatus.Handling, closedAt: null),
            Ticket("old-closed", yesterdayStart.AddDays(-3), TicketStatus.Closed, closedAt: yesterdayStart.AddHours(1)),
            Ticket("old-closed-today", yesterdayStart.AddDays(-3), TicketStatus.Closed, closedAt: todayStart.AddHours(1)),
            Ticket("long-closed", yesterdayStart.AddDays(-6), TicketStatus.Closed, closedAt: now - EvaluationWindow.Default.Length - TimeSpan.FromHours(1)),
            Ticket("yesterday-closed", yesterdayStart.AddMinutes(1), TicketStatus.Evaluated, closedAt: yesterdayStart.AddHours(2)),
        };
        var alarms = new[]
        {
            Alarm("A-00000007", yesterdayStart.AddDays(-2), clearedAt: null),
            Alarm("A-00000012", yesterdayStart.AddDays(-2), clearedAt: yesterdayStart.AddDays(-1)),
            Alarm("A-00000100", yesterdayStart.AddHours(3), clearedAt: yesterdayStart.AddHours(4)),
            Alarm("A-00000009", todayStart.AddMinutes(5), clearedAt: null),
        };
        var events = new List<TwinEvent>();
        events.AddRange(tickets.Select((t, i) => new TicketChanged(i, now, t, new TicketTransition(t.Id, null, t.Status, t.ReportedAt, "test", null))));
        events.AddRange(alarms.Select((a, i) => new AlarmChanged(100 + i, now, a, AlarmChange.Raised, null)));
        await _store.WriteAsync(new TwinBatch([], [], events, []));

        var state = await _store.LoadRestoreStateAsync(now);

        // Ordered by report time, then id; a ticket closed before the 评价 window opened stays in the store only.
        Assert.Equal(["old-closed", "old-closed-today", "old-open", "yesterday-closed"], state.Tickets.Select(t => t.Id));
        Assert.Equal(["A-00000007", "A-00000009", "A-00000100"], state.Alarms.Select(a => a.Id).Order(StringComparer.Ordinal));
        Assert.Equal(101, state.NextAlarmNumber);
    }

    [Fact]
    public async Task Restore_sums_observations_per_kind_and_hour_over_the_last_48_hours()
    {
        var now = Scenario.Morning.AddMinutes(30);
        var hour = Scenario.Morning;
        Observation[] observations =
        [
            new("N-1", 10, hour.AddMinutes(1)),
            new("N-1", 20, hour.AddMinutes(2)),
            new("N-2", 30, hour.AddMinutes(3)),
            new("S-1", 1, hour.AddMinutes(4)),
            new("N-1", 40, hour.AddHours(-1)),
            new("N-1", 99, hour.AddHours(-48)),
        ];
        await _store.WriteAsync(new TwinBatch(
            observations, [], [], [SensorIn(SensorKind.Noise, "N-1"), SensorIn(SensorKind.Noise, "N-2"), SensorIn(SensorKind.Smoke, "S-1")]));

        var aggregates = (await _store.LoadRestoreStateAsync(now)).ObservationAggregates;

        Assert.Equal(
            [
                new HourlyObservationAggregate(SensorKind.Noise, hour.AddHours(-1), 40, 1),
                new HourlyObservationAggregate(SensorKind.Noise, hour, 60, 3),
                new HourlyObservationAggregate(SensorKind.Smoke, hour, 1, 1),
            ],
            aggregates);
    }

    [Fact]
    public async Task Sensors_come_back_in_registration_order()
    {
        var ids = new[] { "Z-9", "A-1", "M-5" };
        foreach (var id in ids)
        {
            await _store.WriteAsync(new TwinBatch([], [], [], [SensorIn(SensorKind.Lift, id)]));
        }

        await _store.WriteAsync(new TwinBatch([], [], [], [SensorIn(SensorKind.Lift, "A-1") with { LastValue = 3 }]));

        Assert.Equal(ids, (await _store.LoadRestoreStateAsync(Scenario.Morning)).Sensors.Select(s => s.Definition.Id));
    }

    [Fact]
    public async Task Writing_after_dispose_fails()
    {
        await _store.DisposeAsync();
        await Assert.ThrowsAsync<ObjectDisposedException>(() =>
            _store.WriteAsync(new TwinBatch([], [], [], [SensorIn(SensorKind.Lift, "L-1")])));
    }

    private static SensorState SensorIn(SensorKind kind, string id) =>
        new(Scenario.Sensor(id, kind), "310107002", false, null, null, null, ValueState.Normal, SensorHealth.Online);

    private static TicketState Ticket(string id, DateTimeOffset reportedAt, TicketStatus status, DateTimeOffset? closedAt) => new(
        id, TicketChannel.GridPatrol, "noise", "噪声", string.Empty, new GeoPoint(121.4, 31.25), string.Empty, "310107002", null,
        string.Empty, string.Empty, TicketPriority.Normal, status, false, reportedAt, closedAt ?? reportedAt, null, closedAt);

    private static AlarmState Alarm(string id, DateTimeOffset raisedAt, DateTimeOffset? clearedAt) => new(
        id, AlarmSource.AiVideo, "CAM-1", "thrown-object", AlarmSeverity.Major, "高空抛物", new GeoPoint(121.4, 31.25), "310107002",
        raisedAt, null, null, clearedAt);
}
