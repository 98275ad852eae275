using System.Net;
using System.Text.Json;

namespace CommandCenter.Tests.Ingestion;

/// <summary>
/// A replay carrying another body is not answered with the old data: 409 problem details name the
/// record the key already holds, and nothing is stored. (Open311 cannot conflict: its request id
/// is a hash of the whole form, so another body is another request.)
/// </summary>
public sealed class ConflictingReplayTests(IngestionApp app) : IClassFixture<IngestionApp>
{
    [Fact]
    public async Task The_same_datastream_and_phenomenonTime_with_another_result_is_409_naming_the_stored_observation()
    {
        var client = app.KeyedClient();
        var time = IngestionApp.Iso(DateTimeOffset.UtcNow.AddSeconds(-20));
        string Body(double result) => $$"""{"phenomenonTime": "{{time}}", "result": {{result}}, "Datastream": {"@iot.id": "S-TEST-0005"} }""";

        var created = await client.PostAsync("/sta/v1.1/Observations", IngestionApp.Json(Body(55)));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var location = created.Headers.Location!.ToString();
        var before = app.Count("observations");

        var conflict = await client.PostAsync("/sta/v1.1/Observations", IngestionApp.Json(Body(56)));

        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Equal("application/problem+json", conflict.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await conflict.Content.ReadAsStringAsync()).RootElement;
        var storedId = location[(location.LastIndexOf('(') + 1)..^1];
        Assert.Contains($"Observation {storedId} of Datastream S-TEST-0005", problem.GetProperty("detail").GetString());
        Assert.Contains("result 55", problem.GetProperty("detail").GetString());
        Assert.Equal(location, problem.GetProperty("stored").GetString());
        Assert.Equal(before, app.Count("observations"));

        // The identical copy is still an idempotent replay.
        var replay = await client.PostAsync("/sta/v1.1/Observations", IngestionApp.Json(Body(55)));
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
    }

    [Fact]
    public async Task A_CAP_message_with_the_same_sender_and_identifier_but_another_severity_is_409_naming_the_alarm()
    {
        var client = app.KeyedClient();
        var message = CapSamples.Thunderstorm("PUTUO-TS-409", app.InsidePoint(2));
        var created = await client.PostAsync("/api/alerts/cap", IngestionApp.Xml(message));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var alarmId = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("alarmId").GetString();
        var before = app.Count("alarms");

        var milder = message.Replace("<severity>Severe</severity>", "<severity>Minor</severity>", StringComparison.Ordinal);
        var conflict = await client.PostAsync("/api/alerts/cap", IngestionApp.Xml(milder));

        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        var problem = JsonDocument.Parse(await conflict.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(alarmId, problem.GetProperty("alarm").GetString());
        Assert.Contains($"alarm {alarmId} from CAP message KSTO@NWS.NOAA.GOV,PUTUO-TS-409", problem.GetProperty("detail").GetString());
        Assert.Equal(before, app.Count("alarms"));
        Assert.Equal(Twin.Domain.Alarms.AlarmSeverity.Critical, app.Runtime.Queries.Current.ActiveAlarms.Single(a => a.Id == alarmId).Severity);

        var replay = await client.PostAsync("/api/alerts/cap", IngestionApp.Xml(message));
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
    }
}
