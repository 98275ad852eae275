using System.Net;
using System.Text.Json;
using CommandCenter.Tests.Ingestion;
using CommandCenter.Tests.Support;
using MQTTnet;
using Twin.Domain.Tests.Support;

namespace CommandCenter.Tests.Operations;

/// <summary>
/// <c>/metrics</c> as Prometheus scrapes it: the twin's own metrics next to ASP.NET Core's and the
/// runtime's, moving as readings arrive and screens watch; readable only from allowed addresses or
/// with the configured token.
/// </summary>
[Collection(ScrapingCollection.Name)]
public sealed class MetricsTests
{
    private const string Token = "scrape-token-0123456789abcdef0123456789";

    [Fact]
    public async Task The_twins_metrics_move_when_a_reading_is_posted_and_a_screen_watches()
    {
        await using var app = new OperationsApp();
        await app.StartAsync();

        var before = await app.ScrapeAsync();
        var time = DateTimeOffset.UtcNow.AddSeconds(-20);
        Assert.Equal(HttpStatusCode.Created, (await app.PostReadingAsync(1, time, 61.5)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await app.PostReadingAsync(2, time, double.NaN)).StatusCode);
        await using var wall = app.CreateHubConnection();
        var replica = IngestionApp.Replica(wall);
        await wall.StartAsync();
        await Eventually.Until(() => replica.SnapshotsReceived > 0, "the hub sends the screen its first snapshot", TimeSpan.FromSeconds(10));
        Assert.Equal(HttpStatusCode.Created, (await app.PostReadingAsync(1, time.AddSeconds(5), 62.5)).StatusCode);
        await Eventually.Until(() => replica.DeltaSeqs.Count > 0, "the reading reaches the screen as a delta", TimeSpan.FromSeconds(10));

        var after = await app.ScrapeAsync();

        (string, string)[] accepted = [("source", "test-feed"), ("api", "sta"), ("outcome", "accepted"), ("reason", "ok")];
        Assert.Equal(2, Delta("cityops_twin_inputs_total", accepted));
        Assert.Equal(1, Delta("cityops_twin_inputs_total", ("source", "test-feed"), ("outcome", "refused"), ("reason", "invalid")));
        Assert.True(Delta("cityops_twin_pipeline_inputs_total", ("input", "RecordObservationCommand"), ("outcome", "applied")) >= 2);
        Assert.True(Delta("cityops_twin_pipeline_commit_duration_seconds_count", ("outcome", "ok")) >= 2);
        Assert.True(Delta("cityops_twin_engine_apply_duration_seconds_count") >= 2);
        Assert.True(Delta("cityops_twin_hub_snapshots_total") >= 1);
        Assert.True(Delta("cityops_twin_hub_deltas_total") >= 1);
        Assert.True(PrometheusText.Sum(after, "cityops_twin_hub_snapshot_size_bytes_sum") > 1000, "a map snapshot is kilobytes");
        Assert.True(PrometheusText.Sum(after, "cityops_twin_hub_subscribers") >= 1);
        Assert.True(PrometheusText.Has(after, "cityops_twin_pipeline_queue_depth"));
        Assert.True(PrometheusText.Has(after, "cityops_twin_hub_resyncs_total"));
        Assert.True(PrometheusText.Has(after, "http_server_request_duration_seconds_count"), "ASP.NET Core's request metrics");
        Assert.True(PrometheusText.Has(after, "signalr_server_active_connections"), "SignalR's connection metrics");
        Assert.Contains("dotnet_gc_", after, StringComparison.Ordinal);

        // Every series the Grafana dashboard charts is one the app exports.
        var dashboard = File.ReadAllText(Path.Combine(Repository.Root, "deploy", "grafana", "cityops-twin.json"));
        var charted = System.Text.RegularExpressions.Regex.Matches(dashboard, @"\b(cityops_twin|http_server|signalr_server|dotnet)_[a-z_]+").Select(m => m.Value).Distinct().ToList();
        Assert.True(charted.Count >= 15, $"the dashboard charts {charted.Count} series");
        Assert.All(charted, name => Assert.True(PrometheusText.Has(after, name), $"the dashboard charts {name}, which /metrics does not export"));

        double Delta(string name, params (string, string)[] labels) =>
            PrometheusText.Sum(after, name, labels) - PrometheusText.Sum(before, name, labels);
    }

    [Fact]
    public async Task Readings_published_over_MQTT_are_counted_by_source_and_reason_like_HTTP_ones()
    {
        var port = MqttTests.App.FreePort();
        await using var app = new OperationsApp(b => b.UseSetting("Twin:Mqtt:Port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        await app.StartAsync();
        var topic = $"v1.1/Datastreams('{IngestionApp.SensorIds[0]}')/Observations";
        var time = IngestionApp.Iso(DateTimeOffset.UtcNow.AddSeconds(-20));

        var before = await app.ScrapeAsync();
        using (var gateway = await MqttTests.ConnectAsync(port, IngestionApp.Key))
        {
            Assert.Equal(MqttClientPublishReasonCode.Success, (await gateway.PublishAsync(MqttTests.Message(topic, $$"""{"phenomenonTime": "{{time}}", "result": 58.5}"""))).ReasonCode);
            var later = IngestionApp.Iso(DateTimeOffset.UtcNow.AddSeconds(-10));
            Assert.NotEqual(MqttClientPublishReasonCode.Success, (await gateway.PublishAsync(MqttTests.Message(topic, $$"""{"phenomenonTime": "{{later}}", "result": 1e308}"""))).ReasonCode);
            Assert.NotEqual(MqttClientPublishReasonCode.Success, (await gateway.PublishAsync(MqttTests.Message(topic, $$"""{"phenomenonTime": "{{time}}", "result": 59.5}"""))).ReasonCode);
            Assert.NotEqual(MqttClientPublishReasonCode.Success, (await gateway.PublishAsync(MqttTests.Message(topic, "{not json"))).ReasonCode);
        }

        using (var hotline = await MqttTests.ConnectAsync(port, IngestionApp.HotlineKey))
        {
            Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, (await hotline.PublishAsync(MqttTests.Message(topic, $$"""{"phenomenonTime": "{{time}}", "result": 50}"""))).ReasonCode);
        }

        var after = await app.ScrapeAsync();
        Assert.Equal(1, Delta(("source", "test-feed"), ("api", "mqtt"), ("outcome", "accepted"), ("reason", "ok")));
        Assert.Equal(1, Delta(("source", "test-feed"), ("api", "mqtt"), ("outcome", "refused"), ("reason", "refused")));
        Assert.Equal(1, Delta(("source", "test-feed"), ("api", "mqtt"), ("outcome", "refused"), ("reason", "invalid")));
        Assert.Equal(1, Delta(("source", "test-feed"), ("api", "mqtt"), ("outcome", "refused"), ("reason", "conflict")));
        Assert.Equal(1, Delta(("source", "hotline-gateway"), ("api", "mqtt"), ("outcome", "refused"), ("reason", "forbidden")));
        Assert.Equal(0, Delta(("api", "sta")));

        double Delta(params (string, string)[] labels) =>
            PrometheusText.Sum(after, "cityops_twin_inputs_total", labels) - PrometheusText.Sum(before, "cityops_twin_inputs_total", labels);
    }

    [Fact]
    public async Task Metrics_are_refused_from_an_address_not_allowed_unless_the_token_is_sent()
    {
        await using var app = new OperationsApp(b => b
            .UseSetting("Twin:Metrics:AllowedAddresses:0", "10.20.0.0/16")
            .UseSetting("Twin:Metrics:ApiKey", Token));
        await app.StartAsync();

        app.Peer = IPAddress.Parse("203.0.113.9");
        var refused = JsonDocument.Parse(await app.ScrapeAsync(HttpStatusCode.Forbidden)).RootElement;
        Assert.Equal(403, refused.GetProperty("status").GetInt32());
        Assert.Contains("Twin:Metrics:AllowedAddresses", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await app.ScrapeAsync(HttpStatusCode.Forbidden, token: "not-the-token-0123456789abcdef01234567");
        Assert.Contains("cityops_twin_", await app.ScrapeAsync(HttpStatusCode.OK, token: Token), StringComparison.Ordinal);

        // Loopback is the default only when no address is configured.
        app.Peer = IPAddress.Loopback;
        await app.ScrapeAsync(HttpStatusCode.Forbidden);
        app.Peer = IPAddress.Parse("10.20.3.4");
        Assert.Contains("cityops_twin_", await app.ScrapeAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task By_default_only_loopback_may_scrape()
    {
        await using var app = new OperationsApp();
        await app.StartAsync();

        await app.ScrapeAsync(HttpStatusCode.OK);
        app.Peer = IPAddress.IPv6Loopback;
        await app.ScrapeAsync(HttpStatusCode.OK);
        app.Peer = IPAddress.Parse("192.168.1.20");
        await app.ScrapeAsync(HttpStatusCode.Forbidden);
    }
}
