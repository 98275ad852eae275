using System.Net;
using System.Text.Json;
using Twin.Domain.Alarms;
using Twin.Domain.Datum;
using Twin.Domain.Geography;

namespace CommandCenter.Tests.Ingestion;

/// <summary>CAP 1.2 into alarms: the spec's examples, Update replacing, Cancel clearing, replays and the datum.</summary>
public sealed class CapTests(IngestionApp app) : IClassFixture<IngestionApp>
{
    private const string Path = "/api/alerts/cap";

    [Fact]
    public async Task The_specs_thunderstorm_example_is_parsed_and_refused_only_because_California_is_not_Putuo()
    {
        var before = app.Count("alarms");
        var response = await app.KeyedClient().PostAsync(Path, IngestionApp.Xml(CapSamples.Recent(CapSamples.ThunderstormVerbatim)));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Contains("does not reach", problem.GetProperty("detail").GetString());
        Assert.Equal(before, app.Count("alarms"));
    }

    [Fact]
    public async Task The_thunderstorm_over_Putuo_raises_a_critical_alarm_with_its_polygon()
    {
        var response = await app.KeyedClient().PostAsync(Path, IngestionApp.Xml(CapSamples.Thunderstorm("PUTUO-TS-1", app.InsidePoint(3))));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        var alarmId = JsonDocument.Parse(text).RootElement.GetProperty("alarmId").GetString();

        var alarm = app.Runtime.Queries.Current.ActiveAlarms.Single(a => a.Id == alarmId);
        Assert.Equal(AlarmSource.Cap, alarm.Source);
        Assert.Equal("KSTO@NWS.NOAA.GOV,PUTUO-TS-1", alarm.SourceId);

        // Severe → major, raised one level because it is Immediate and Observed.
        Assert.Equal(AlarmSeverity.Critical, alarm.Severity);
        Assert.Equal("SEVERE THUNDERSTORM WARNING", alarm.Title);
        var ring = Assert.Single(alarm.Area!.Rings!);
        Assert.Equal(5, ring.Count);
        Assert.True(app.Runtime.District.Contains(alarm.Location));
    }

    [Fact]
    public async Task Update_replaces_cancel_clears_and_replays_create_nothing()
    {
        var client = app.KeyedClient();
        var at = app.InsidePoint(4);
        var alert = await client.PostAsync(Path, IngestionApp.Xml(CapSamples.EarthquakeUpdate("TRI13970876.1", "", at, msgType: "Alert").Replace("<references></references>", "", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.Created, alert.StatusCode);
        var first = JsonDocument.Parse(await alert.Content.ReadAsStringAsync()).RootElement.GetProperty("alarmId").GetString();

        // CAP 1.2 Appendix A.3: the earthquake Update referencing the first report.
        var update = await client.PostAsync(Path, IngestionApp.Xml(
            CapSamples.EarthquakeUpdate("TRI13970876.2", "trinet@caltech.edu,TRI13970876.1,2003-06-11T20:30:00-07:00", at)));
        Assert.Equal(HttpStatusCode.Created, update.StatusCode);
        var second = JsonDocument.Parse(await update.Content.ReadAsStringAsync()).RootElement.GetProperty("alarmId").GetString();
        Assert.NotEqual(first, second);
        var active = app.Runtime.Queries.Current.ActiveAlarms;
        Assert.DoesNotContain(active, a => a.Id == first);
        var replacement = Assert.Single(active, a => a.Id == second);

        // Urgency Past → info; radius 0 (a point) is drawn as a small circle.
        Assert.Equal(AlarmSeverity.Info, replacement.Severity);
        Assert.True(replacement.Area!.IsCircle);

        var alarms = app.Count("alarms");
        var replay = await client.PostAsync(Path, IngestionApp.Xml(
            CapSamples.EarthquakeUpdate("TRI13970876.2", "trinet@caltech.edu,TRI13970876.1,2003-06-11T20:30:00-07:00", at)));
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal(second, JsonDocument.Parse(await replay.Content.ReadAsStringAsync()).RootElement.GetProperty("alarmId").GetString());
        Assert.Equal(alarms, app.Count("alarms"));

        var cancel = CapSamples.Cancel("trinet@caltech.edu", "TRI13970876.3",
            "trinet@caltech.edu,TRI13970876.1,2003-06-11T20:30:00-07:00 trinet@caltech.edu,TRI13970876.2,2003-06-11T20:56:00-07:00");
        var cancelled = await client.PostAsync(Path, IngestionApp.Xml(cancel));
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.DoesNotContain(app.Runtime.Queries.Current.ActiveAlarms, a => a.Id == second);
        var history = app.Count("alarm_history");
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(Path, IngestionApp.Xml(cancel))).StatusCode);
        Assert.Equal(history, app.Count("alarm_history"));

        var unknown = await client.PostAsync(Path, IngestionApp.Xml(CapSamples.Cancel("x@y", "C-1", "x@y,NEVER-SENT,2026-11-30T10:00:00+08:00")));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task A_gcj02_circle_is_converted_and_kept_as_a_circle()
    {
        var wgs = app.InsidePoint(5);
        var (gLon, gLat) = Gcj02.FromWgs84(wgs.Lon, wgs.Lat);
        var xml = CapSamples.EarthquakeUpdate("GCJ-1", "", new GeoPoint(gLon, gLat), msgType: "Alert")
            .Replace("<references></references>", "", StringComparison.Ordinal)
            .Replace(" 0</circle>", " 0.5</circle>", StringComparison.Ordinal);
        var response = await app.KeyedClient().PostAsync(Path + "?datum=gcj02", IngestionApp.Xml(xml));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("alarmId").GetString();
        var area = app.Runtime.Queries.Current.ActiveAlarms.Single(a => a.Id == id).Area!;
        Assert.Equal(wgs.Lon, area.Centre!.Value.Lon, 5);
        Assert.Equal(wgs.Lat, area.Centre!.Value.Lat, 5);
        Assert.Equal(500, area.RadiusMetres, 3);

        var wrongDatum = await app.KeyedClient().PostAsync(Path + "?datum=bd09", IngestionApp.Xml(xml));
        Assert.Equal(HttpStatusCode.BadRequest, wrongDatum.StatusCode);
    }
}
