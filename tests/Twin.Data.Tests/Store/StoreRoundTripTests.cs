using Twin.Data.Alarms;
using Twin.Data.Store;
using Twin.Data.Store.Providers;
using Twin.Data.Tests.Support;
using Twin.Domain.Alarms;
using Twin.Domain.Engine;
using Twin.Domain.Privacy;
using Twin.Domain.Sensors;
using Twin.Domain.Tickets;

namespace Twin.Data.Tests.Store;

/// <summary>Each entity written through <see cref="TwinStore.WriteAsync"/> reads back equal, from a real database of each provider.</summary>
public abstract class StoreRoundTripTests : IAsyncLifetime
{
    private readonly TempDatabase _db;
    private readonly TwinStore _store;
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider _clock = Scenario.Clock();
    private readonly TwinEngine _engine;

    protected StoreRoundTripTests(StorageProvider provider)
    {
        _db = new TempDatabase(provider);
        _store = _db.CreateStore();
        _engine = Scenario.Engine(_clock);
    }

    public Task InitializeAsync() => _store.InitializeAsync();

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        _db.Dispose();
    }

    [Fact]
    public async Task Sensor_definition_and_current_state_round_trip()
    {
        var definition = Scenario.Sensor("WL-001", SensorKind.CreekWaterLevel) with
        {
            Thresholds = new Thresholds(3.25, 3.75, 0.125, HighIsBad: true),
            ReportInterval = TimeSpan.FromSeconds(90),
        };
        Assert.True(_engine.RegisterSensor(definition).Accepted);
        _clock.Advance(TimeSpan.FromSeconds(10));
        var observation = new Observation("WL-001", 3.5, _clock.GetUtcNow().AddTicks(7), 12.5);
        Assert.True(_engine.RecordObservation(observation).Accepted);
        await WriteDrainedAsync([observation]);

        var expected = _engine.FindSensor("WL-001")!;
        Assert.Equal(ValueState.Warning, expected.ValueState);
        Assert.Equal(SensorHealth.LowBattery, expected.Health);
        var restored = await _store.LoadRestoreStateAsync(_clock.GetUtcNow());
        Assert.Equal(expected, Assert.Single(restored.Sensors));
    }

    [Fact]
    public async Task Observation_round_trips_with_its_exact_instant()
    {
        Assert.True(_engine.RegisterSensor(Scenario.Sensor("N-1", SensorKind.Noise)).Accepted);
        var at = _clock.GetUtcNow().AddTicks(-12345);
        var observations = new[] { new Observation("N-1", 61.25, at, 80), new Observation("N-1", 40, at.AddSeconds(1)) };
        foreach (var o in observations)
        {
            Assert.True(_engine.RecordObservation(o).Accepted);
        }

        await WriteDrainedAsync(observations);

        var read = await _store.GetObservationsAsync("N-1", at, at.AddSeconds(1).AddTicks(1));
        Assert.Equal(observations, read);
        Assert.Equal(TimeSpan.Zero, read[0].ObservedAt.Offset);
        Assert.Empty(await _store.GetObservationsAsync("N-1", at.AddTicks(1), at.AddSeconds(1)));
        Assert.Equal(2, await _store.CountObservationsAsync());
        Assert.Equal(2, await _store.CountObservationsAsync("N-1"));
    }

    [Fact]
    public async Task Ticket_keeps_the_raw_reporter_in_the_table_but_only_masked_in_its_state()
    {
        var report = Scenario.Ticket("T-1", _clock.GetUtcNow().AddMinutes(-3));
        Assert.True(_engine.ReportTicket(report).Accepted);
        await WriteDrainedAsync(newTickets: [report]);
        _clock.Advance(TimeSpan.FromMinutes(5));
        Assert.True(_engine.ChangeTicketStatus("T-1", TicketStatus.Dispatched, "调度员王五", "派往城管").Accepted);
        await WriteDrainedAsync();

        var restored = Assert.Single((await _store.LoadRestoreStateAsync(_clock.GetUtcNow())).Tickets);
        Assert.Equal(_engine.FindTicket("T-1"), restored);
        Assert.Equal(PersonalDataMask.MaskName("张三丰"), restored.ReporterMasked);
        Assert.Equal("138****5678", restored.PhoneMasked);

        using var raw = _db.OpenRaw();
        using var command = raw.CreateCommand();
        command.CommandText = "SELECT reporter_name, reporter_phone, status FROM tickets WHERE id = 'T-1'";
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal("张三丰", reader.GetString(0));
        Assert.Equal("13812345678", reader.GetString(1));
        Assert.Equal("Dispatched", reader.GetString(2));
    }

    [Fact]
    public async Task Ticket_history_is_appended_in_order()
    {
        var report = Scenario.Ticket("T-2", _clock.GetUtcNow(), TicketChannel.GridPatrol);
        Assert.True(_engine.ReportTicket(report).Accepted);
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True(_engine.ChangeTicketStatus("T-2", TicketStatus.Filed, "网格员李四").Accepted);
        await WriteDrainedAsync(newTickets: [report]);
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True(_engine.ChangeTicketStatus("T-2", TicketStatus.Closed, "处置员", "已清理").Accepted);
        await WriteDrainedAsync();

        var history = await _store.GetTicketHistoryAsync("T-2");
        Assert.Equal(
            [
                new TicketTransition("T-2", null, TicketStatus.Discovered, report.ReportedAt, "网格巡查", null),
                new TicketTransition("T-2", TicketStatus.Discovered, TicketStatus.Filed, Scenario.Morning.AddMinutes(1), "网格员李四", null),
                new TicketTransition("T-2", TicketStatus.Filed, TicketStatus.Closed, Scenario.Morning.AddMinutes(2), "处置员", "已清理"),
            ],
            history);
    }

    [Fact]
    public async Task Alarm_current_row_and_history_round_trip()
    {
        Assert.True(_engine.RegisterSensor(Scenario.Sensor("SM-1", SensorKind.Smoke)).Accepted);
        var readings = new List<Observation>();
        foreach (var value in new[] { 55.0, 90.0 })
        {
            _clock.Advance(TimeSpan.FromSeconds(30));
            var o = new Observation("SM-1", value, _clock.GetUtcNow());
            Assert.True(_engine.RecordObservation(o).Accepted);
            readings.Add(o);
        }

        await WriteDrainedAsync(readings);
        var alarm = Assert.Single(_engine.Snapshot().ActiveAlarms);
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True(_engine.AcknowledgeAlarm(alarm.Id, "值班长", "已通知消防站到场核查").Accepted);
        await WriteDrainedAsync();

        var restored = await _store.LoadRestoreStateAsync(_clock.GetUtcNow());
        Assert.Equal(_engine.FindActiveAlarm(alarm.Id), Assert.Single(restored.Alarms));
        Assert.Equal("已通知消防站到场核查", restored.Alarms[0].AcknowledgementNote);
        Assert.Equal(2, restored.NextAlarmNumber);
        Assert.Equal(
            [
                new AlarmHistoryEntry(alarm.Id, AlarmChange.Raised, Scenario.Morning.AddSeconds(30), AlarmSeverity.Minor, null),
                new AlarmHistoryEntry(alarm.Id, AlarmChange.Escalated, Scenario.Morning.AddSeconds(60), AlarmSeverity.Critical, null),
                new AlarmHistoryEntry(alarm.Id, AlarmChange.Acknowledged, Scenario.Morning.AddSeconds(120), AlarmSeverity.Critical, "值班长", "已通知消防站到场核查"),
            ],
            await _store.GetAlarmHistoryAsync(alarm.Id));

        _clock.Advance(TimeSpan.FromSeconds(30));
        var normal = new Observation("SM-1", 10, _clock.GetUtcNow());
        Assert.True(_engine.RecordObservation(normal).Accepted);
        await WriteDrainedAsync([normal]);
        var cleared = Assert.Single((await _store.LoadRestoreStateAsync(_clock.GetUtcNow())).Alarms);
        Assert.Equal(normal.ObservedAt, cleared.ClearedAt);
        Assert.Equal(AlarmChange.Cleared, (await _store.GetAlarmHistoryAsync(alarm.Id))[^1].Change);
    }

    [Fact]
    public async Task Ai_alarm_acknowledged_is_cleared_in_one_batch()
    {
        Assert.True(_engine.RaiseAiVideoAlarm(Scenario.AiEvent("CAM-7", _clock.GetUtcNow())).Accepted);
        var id = Assert.Single(_engine.Snapshot().ActiveAlarms).Id;
        Assert.True(_engine.AcknowledgeAlarm(id, "值班员").Accepted);
        await WriteDrainedAsync();

        var row = Assert.Single((await _store.LoadRestoreStateAsync(_clock.GetUtcNow())).Alarms);
        Assert.Equal(AlarmSource.AiVideo, row.Source);
        Assert.False(row.IsActive);
        Assert.Equal("值班员", row.AcknowledgedBy);
        Assert.Equal(
            [AlarmChange.Raised, AlarmChange.Acknowledged, AlarmChange.Cleared],
            (await _store.GetAlarmHistoryAsync(id)).Select(h => h.Change));
    }

    [Fact]
    public async Task A_ticket_closed_within_the_evaluation_window_is_restored_though_reported_days_ago()
    {
        var report = Scenario.Ticket("T-1", _clock.GetUtcNow().AddMinutes(-3));
        Assert.True(_engine.ReportTicket(report).Accepted);
        await WriteDrainedAsync(newTickets: [report]);
        Assert.True(_engine.ChangeTicketStatus("T-1", TicketStatus.Closed, "审核员", "审核通过，结案").Accepted);
        await WriteDrainedAsync();

        // Two days on, the citizen's 回访 is still due (72 h window): the case must be in memory after a restart.
        var later = _clock.GetUtcNow().AddHours(47);
        var restored = Assert.Single((await _store.LoadRestoreStateAsync(later)).Tickets);
        Assert.Equal(("T-1", TicketStatus.Closed), (restored.Id, restored.Status));
        Assert.Empty((await _store.LoadRestoreStateAsync(later, keepClosedFor: TimeSpan.FromHours(24))).Tickets);
    }

    private Task WriteDrainedAsync(IReadOnlyList<Observation>? observations = null, IReadOnlyList<TicketReport>? newTickets = null) =>
        _store.WriteAsync(new TwinBatch(observations ?? [], newTickets ?? [], _engine.DrainEvents(), _engine.DrainChangedSensors()));
}

public sealed class StoreRoundTripTestsOnSqlite() : StoreRoundTripTests(StorageProvider.Sqlite);

public sealed class StoreRoundTripTestsOnPostgres() : StoreRoundTripTests(StorageProvider.Postgres);
