using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

using CommandCenter.Tests.Support;

namespace CommandCenter.Tests.Ingestion;

/// <summary>
/// SensorThings over MQTT (issue 18 item 4): a reading published with a key is stored like an HTTP
/// one and reaches the topic's subscribers; HTTP readings reach them too; bad keys and scopes are refused.
/// </summary>
public sealed class MqttTests(MqttTests.App app) : IClassFixture<MqttTests.App>
{
    private const string Topic = "v1.1/Datastreams('S-TEST-0001')/Observations";

    /// <summary>The ingestion app with the broker on a free loopback port.</summary>
    public sealed class App : IngestionApp
    {
        public int Port { get; } = FreePort();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Twin:Mqtt:Port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        internal static int FreePort()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return port;
        }
    }

    [Fact]
    public async Task A_published_reading_is_stored_and_subscribers_receive_it_and_HTTP_readings_alike()
    {
        using var client = await ConnectAsync(IngestionApp.Key);
        var received = new ConcurrentQueue<JsonElement>();
        client.ApplicationMessageReceivedAsync += e =>
        {
            received.Enqueue(JsonDocument.Parse(e.ApplicationMessage.Payload.ToArray()).RootElement.Clone());
            return Task.CompletedTask;
        };
        await client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter(Topic).Build());
        var before = app.Count("observations");

        var published = await client.PublishAsync(Message(Topic, $$"""{"phenomenonTime": "{{IngestionApp.Iso(DateTimeOffset.UtcNow.AddSeconds(-3))}}", "result": 63.5}"""));

        Assert.Equal(MqttClientPublishReasonCode.Success, published.ReasonCode);
        Assert.Equal(before + 1, app.Count("observations"));
        await Eventually.Until(() => received.Any(o => o.GetProperty("result").GetDouble() == 63.5), "the subscriber receives the published reading", TimeSpan.FromSeconds(2));

        var http = await app.KeyedClient().PostAsync("/sta/v1.1/Datastreams('S-TEST-0001')/Observations", IngestionApp.Json(
            $$"""{"phenomenonTime": "{{IngestionApp.Iso(DateTimeOffset.UtcNow.AddSeconds(-1))}}", "result": 64.5}"""));
        Assert.Equal(HttpStatusCode.Created, http.StatusCode);
        await Eventually.Until(() => received.Any(o => o.GetProperty("result").GetDouble() == 64.5), "the subscriber receives the HTTP reading", TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task An_implausible_reading_or_one_from_a_key_without_sta_write_is_refused_and_not_stored()
    {
        var before = app.Count("observations");
        using var writer = await ConnectAsync(IngestionApp.Key);
        var implausible = await writer.PublishAsync(Message(Topic, $$"""{"phenomenonTime": "{{IngestionApp.Iso(DateTimeOffset.UtcNow.AddSeconds(-2))}}", "result": 1e308}"""));
        Assert.NotEqual(MqttClientPublishReasonCode.Success, implausible.ReasonCode);
        Assert.Contains("plausible range", implausible.ReasonString);

        using var hotline = await ConnectAsync(IngestionApp.HotlineKey);
        var refused = await hotline.PublishAsync(Message(Topic, $$"""{"phenomenonTime": "{{IngestionApp.Iso(DateTimeOffset.UtcNow.AddSeconds(-2))}}", "result": 50}"""));
        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, refused.ReasonCode);
        Assert.Equal(before, app.Count("observations"));
    }

    [Fact]
    public async Task An_unknown_key_cannot_connect()
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        var options = Options("not-a-key");
        var refused = false;
        try
        {
            var result = await client.ConnectAsync(options);
            refused = result.ResultCode != MqttClientConnectResultCode.Success;
        }
        catch (MQTTnet.Exceptions.MqttCommunicationException)
        {
            refused = true;
        }

        Assert.True(refused);
        Assert.False(client.IsConnected);
    }

    private Task<IMqttClient> ConnectAsync(string key) => ConnectAsync(app.Port, key);

    /// <summary>A client of the broker on <paramref name="port"/> signed in with <paramref name="key"/>.</summary>
    internal static async Task<IMqttClient> ConnectAsync(int port, string key)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        var result = await client.ConnectAsync(Options(port, key));
        Assert.Equal(MqttClientConnectResultCode.Success, result.ResultCode);
        return client;
    }

    private MqttClientOptions Options(string key) => Options(app.Port, key);

    private static MqttClientOptions Options(int port, string key) => new MqttClientOptionsBuilder()
        .WithTcpServer("127.0.0.1", port)
        .WithCredentials("gateway", key)
        .WithProtocolVersion(MqttProtocolVersion.V500)
        .WithTimeout(TimeSpan.FromSeconds(10))
        .Build();

    internal static MqttApplicationMessage Message(string topic, string json) => new MqttApplicationMessageBuilder()
        .WithTopic(topic)
        .WithPayload(Encoding.UTF8.GetBytes(json))
        .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
        .Build();
}
