using Twin.Data.Search;
using Twin.Data.Store;
using Twin.Data.Store.Providers;
using Twin.Data.Tests.Support;
using Twin.Domain.Alarms;
using Twin.Domain.Sensors;
using Twin.Domain.Tickets;
using Twin.Domain.Organisations;

namespace Twin.Data.Tests.Search;

/// <summary>The one search box finds alarms and sensors too, each kind only when the query's scope asks for it.</summary>
public abstract class RecordSearchTests(StorageProvider provider) : SearchStoreTests(provider)
{
    [Fact]
    public async Task A_smoke_alarm_and_its_sensor_are_found_by_the_kinds_word_and_by_the_sensors_id_until_the_scope_leaves_them_out()
    {
        await RaiseSmokeAlarmAsync("SM-7");
        Assert.True(Engine.RegisterSensor(Scenario.Sensor("WL-3", SensorKind.CreekWaterLevel, placement: 2)).Accepted);
        var report = Scenario.Ticket("T-1", Clock.GetUtcNow());
        Assert.True(Engine.ReportTicket(report).Accepted);
        await WriteAsync(report);

        var bySmoke = await Store.SearchAsync(new SearchQuery("烟感"), AccessScope.CentreOfficer);
        var sensor = Assert.Single(bySmoke.Sensors);
        Assert.Equal(("SM-7", SensorKind.Smoke, ValueState.Alarm), (sensor.Id, sensor.Kind, sensor.ValueState));
        Assert.Empty(bySmoke.Hits);

        var byId = await Store.SearchAsync(new SearchQuery("sm-7"), AccessScope.CentreOfficer);
        var alarm = Assert.Single(byId.Alarms);
        Assert.Equal(AlarmSource.SensorThreshold, alarm.Source);
        Assert.Equal("SM-7", alarm.SensorId);
        Assert.Equal("SM-7", Assert.Single(byId.Sensors).Id);

        Assert.Equal(["WL-3"], (await Store.SearchAsync(new SearchQuery("水位"), AccessScope.CentreOfficer)).Sensors.Select(s => s.Id));

        var ticketsOnly = await Store.SearchAsync(new SearchQuery("sm-7") { Scope = SearchScope.Tickets }, AccessScope.CentreOfficer);
        Assert.Empty(ticketsOnly.Alarms);
        Assert.Empty(ticketsOnly.Sensors);
        var alarmsOnly = await Store.SearchAsync(new SearchQuery("噪声") { Scope = SearchScope.Alarms }, AccessScope.CentreOfficer);
        Assert.Empty(alarmsOnly.Hits);
        Assert.Equal(0, alarmsOnly.Total);
        Assert.Equal(1, (await Store.SearchAsync(new SearchQuery("噪声") { Scope = SearchScope.Tickets }, AccessScope.CentreOfficer)).Total);
    }

    [Fact]
    public async Task A_cleared_alarm_stays_findable_within_its_dates_and_filters_alarms_cannot_answer_leave_them_out()
    {
        await RaiseSmokeAlarmAsync("SM-8");
        var raised = Assert.Single(Engine.Snapshot().ActiveAlarms).RaisedAt;
        Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True(Engine.RecordObservation(new Observation("SM-8", 10, Clock.GetUtcNow())).Accepted);
        await WriteAsync();
        Assert.Empty(Engine.Snapshot().ActiveAlarms);

        var found = Assert.Single((await Store.SearchAsync(new SearchQuery("SM-8") { From = raised.AddMinutes(-1), To = raised.AddMinutes(1) }, AccessScope.CentreOfficer)).Alarms);
        Assert.NotNull(found.ClearedAt);
        Assert.Empty((await Store.SearchAsync(new SearchQuery("SM-8") { From = raised.AddMinutes(1) }, AccessScope.CentreOfficer)).Alarms);
        Assert.Empty((await Store.SearchAsync(new SearchQuery("SM-8") { Status = TicketStatus.Closed }, AccessScope.CentreOfficer)).Alarms);
        Assert.Empty((await Store.SearchAsync(new SearchQuery("SM-8") { SubDistrictCode = "no-such-code" }, AccessScope.CentreOfficer)).Alarms);
    }

    [Fact]
    public void A_query_without_any_kind_of_record_is_refused()
    {
        Assert.Equal(SearchQueryError.NoScope, new SearchQuery("积水") { Scope = 0 }.Validate());
    }

    private async Task RaiseSmokeAlarmAsync(string id)
    {
        Assert.True(Engine.RegisterSensor(Scenario.Sensor(id, SensorKind.Smoke)).Accepted);
        Clock.Advance(TimeSpan.FromSeconds(30));
        Assert.True(Engine.RecordObservation(new Observation(id, 95, Clock.GetUtcNow())).Accepted);
        await WriteAsync();
    }

    private Task WriteAsync(params TicketReport[] reports) => Store.WriteAsync(new TwinBatch([], reports, Engine.DrainEvents(), Engine.DrainChangedSensors()));
}

public sealed class RecordSearchTestsOnSqlite() : RecordSearchTests(StorageProvider.Sqlite);

public sealed class RecordSearchTestsOnPostgres() : RecordSearchTests(StorageProvider.Postgres);
