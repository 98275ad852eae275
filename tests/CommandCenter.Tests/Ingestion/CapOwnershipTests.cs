using System.Net;
using System.Text.Json;
using CommandCenter.Tests.Support;

namespace CommandCenter.Tests.Ingestion;

/// <summary>An alert belongs to its sender: another sender's Update or Cancel naming it is 403 and leaves it on the wall.</summary>
public sealed class CapOwnershipTests(IngestionApp app) : IClassFixture<IngestionApp>
{
    private const string Path = "/api/alerts/cap";

    [Fact]
    public async Task Another_senders_cancel_or_update_is_403_and_only_the_owner_clears_the_alert()
    {
        var client = app.KeyedClient();
        var created = await client.PostAsync(Path, IngestionApp.Xml(CapSamples.Thunderstorm("PUTUO-OWN-1", app.InsidePoint(1))));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var alarmId = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("alarmId").GetString();
        const string reference = "KSTO@NWS.NOAA.GOV,PUTUO-OWN-1,2003-06-17T14:57:00-07:00";

        var foreignCancel = await client.PostAsync(Path, IngestionApp.Xml(CapSamples.Cancel("intruder@example.org", "X-1", reference)));
        Assert.Equal(HttpStatusCode.Forbidden, foreignCancel.StatusCode);
        Assert.Equal("application/problem+json", foreignCancel.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await foreignCancel.Content.ReadAsStringAsync()).RootElement;
        Assert.Contains("Only the sender of KSTO@NWS.NOAA.GOV,PUTUO-OWN-1", problem.GetProperty("detail").GetString());

        var foreignUpdate = await client.PostAsync(Path, IngestionApp.Xml(CapSamples.EarthquakeUpdate("X-2", reference, app.InsidePoint(1))));
        Assert.Equal(HttpStatusCode.Forbidden, foreignUpdate.StatusCode);
        Assert.Contains(app.Runtime.Queries.Current.ActiveAlarms, a => a.Id == alarmId);

        var ownCancel = await client.PostAsync(Path, IngestionApp.Xml(CapSamples.Cancel("KSTO@NWS.NOAA.GOV", "PUTUO-OWN-2", reference)));
        Assert.Equal(HttpStatusCode.OK, ownCancel.StatusCode);
        await Eventually.Until(() => app.Runtime.Queries.Current.ActiveAlarms.All(a => a.Id != alarmId), "the cancelled alarm leaves the twin");
    }
}
