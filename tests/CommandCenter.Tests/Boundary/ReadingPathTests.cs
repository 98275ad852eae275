using System.Net;
using CommandCenter.Tests.Ingestion;
using CommandCenter.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Twin.Domain.Engine;

namespace CommandCenter.Tests.Boundary;

/// <summary>
/// A reading's path after the application boundary: SensorThings POST → one command → the writer
/// → the committed change → the map's hub. The answer carries the reading's id, so the handler
/// never asks the store what it has just written.
/// </summary>
public sealed class ReadingPathTests : IAsyncLifetime
{
    private readonly CountingIngestionApp _app = new();

    public Task InitializeAsync() => _app.StartAsync();

    public async Task DisposeAsync() => await ((IAsyncLifetime)_app).DisposeAsync();

    [Fact]
    public async Task A_posted_reading_crosses_the_boundary_once_reaches_the_hub_and_is_never_read_back_from_the_store()
    {
        await using var hub = _app.CreateHubConnection();
        var replica = IngestionApp.Replica(hub);
        await hub.StartAsync();
        await Eventually.Until(() => replica.Count("sensors") == IngestionApp.SensorIds.Count, "the map shows the test sensors");
        var commands = _app.Services.GetRequiredService<CountingCommands>();
        var queries = _app.Services.GetRequiredService<CountingQueries>();
        commands.Submitted.Clear();
        queries.StoreReads.Clear();

        var at = IngestionApp.Iso(DateTimeOffset.UtcNow.AddSeconds(-5));
        var response = await _app.KeyedClient().PostAsync("/sta/v1.1/Observations",
            IngestionApp.Json($$"""{"phenomenonTime": "{{at}}", "result": 63.25, "Datastream": {"@iot.id": "S-TEST-0002"} }"""));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Contains("\"result\":63.25", await response.Content.ReadAsStringAsync());
        await Eventually.Until(() => replica.RawMessages.Any(m => m.Contains("S-TEST-0002", StringComparison.Ordinal) && m.Contains("63.25", StringComparison.Ordinal)),
            "the reading reaches the hub", TimeSpan.FromSeconds(20));
        var command = Assert.IsType<RecordObservationCommand>(Assert.Single(commands.Submitted));
        Assert.Equal("S-TEST-0002", command.Observation.SensorId);
        Assert.Empty(queries.StoreReads);
    }

    [Fact]
    public async Task A_replayed_reading_is_answered_from_the_writers_key_check_with_the_first_copys_id()
    {
        var client = _app.KeyedClient();
        var body = IngestionApp.Json($$"""{"phenomenonTime": "{{IngestionApp.Iso(DateTimeOffset.UtcNow.AddSeconds(-20))}}", "result": 41.5, "Datastream": {"@iot.id": "S-TEST-0003"} }""");
        var created = await client.PostAsync("/sta/v1.1/Observations", body);
        var before = _app.Count("observations");

        var replay = await client.PostAsync("/sta/v1.1/Observations", body);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal(created.Headers.Location, replay.Headers.Location);
        Assert.Equal(before, _app.Count("observations"));
    }

    private sealed class CountingIngestionApp : IngestionApp
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddCountingBoundary());
        }
    }
}
