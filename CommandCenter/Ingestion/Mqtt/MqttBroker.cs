using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CommandCenter.Ingestion.Common;
using CommandCenter.Ingestion.SensorThings;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Protocol;
using MQTTnet.Server;
using Twin.Data.Diagnostics;
using Twin.Data.Sensors;

namespace CommandCenter.Ingestion.Mqtt;

/// <summary><c>Twin:Mqtt</c>: the embedded broker of the SensorThings MQTT extension; port 0 (the default) leaves it off.</summary>
public sealed class MqttOptions
{
    public const string Section = "Twin:Mqtt";

    public int Port { get; set; }
}

/// <summary>
/// SensorThings over MQTT, as FROST-Server offers it: a client connects with an ingestion key as
/// its password, publishes an Observation to <c>v1.1/Datastreams('id')/Observations</c> and it is
/// taken exactly as over HTTP (same parsing, plausibility, late-data rules and durability: the
/// PUBACK of a QoS 1 publish is sent once the reading is on disk); clients subscribed to that topic
/// receive every new Observation of the Datastream, from MQTT and HTTP alike.
/// </summary>
public sealed partial class MqttBroker(
    IOptions<MqttOptions> options, IOptionsMonitor<IngestionOptions> ingestion, SensorThingsHandler sensorThings, TwinMetrics metrics, ILogger<MqttBroker> logger)
    : IHostedService, IDisposable
{
    private const string ServerClientId = "cityops-twin";
    private const string SourceItem = "ingestion-source";
    private MqttServer? _server;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Port <= 0)
        {
            return;
        }

        var factory = new MqttServerFactory();
        _server = factory.CreateMqttServer(new MqttServerOptionsBuilder().WithDefaultEndpoint().WithDefaultEndpointPort(options.Value.Port).Build());
        _server.ValidatingConnectionAsync += ValidateAsync;
        _server.InterceptingPublishAsync += PublishAsync;
        _server.InterceptingSubscriptionAsync += SubscribeAsync;
        sensorThings.ObservationStored += Forward;
        await _server.StartAsync();
        LogStarted(options.Value.Port);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        sensorThings.ObservationStored -= Forward;
        if (_server is { IsStarted: true })
        {
            await _server.StopAsync(new MqttServerStopOptions());
        }
    }

    public void Dispose() => _server?.Dispose();

    private Task ValidateAsync(ValidatingConnectionEventArgs e)
    {
        if (IngestRequest.SourceOf(e.Password, ingestion.CurrentValue.Sources) is { } source)
        {
            e.SessionItems[SourceItem] = source;
        }
        else
        {
            e.ReasonCode = MqttConnectReasonCode.BadUserNameOrPassword;
        }

        return Task.CompletedTask;
    }

    private async Task PublishAsync(InterceptingPublishEventArgs e)
    {
        if (e.ClientId == ServerClientId)
        {
            return;
        }

        // Readings are stored, then forwarded in their stored form; nothing else is relayed.
        e.ProcessPublish = false;
        var source = e.SessionItems[SourceItem] as IngestionSource;
        if (ObservationsTopic().Match(e.ApplicationMessage.Topic) is not { Success: true } match)
        {
            Refuse(e, source, MqttPubAckReasonCode.TopicNameInvalid, StatusCodes.Status404NotFound, "Publish Observations to v1.1/Datastreams('<id>')/Observations.");
            return;
        }

        if (source is null || !source.May(IngestScopes.StaWrite))
        {
            Refuse(e, source, MqttPubAckReasonCode.NotAuthorized, StatusCodes.Status403Forbidden, $"Source '{source?.Name}' may not use the sta-write API.");
            return;
        }

        var (_, problem, status) = await sensorThings.SubmitObservationAsync(e.ApplicationMessage.Payload.ToArray(), match.Groups[1].Value, e.CancellationToken);
        if (problem is not null)
        {
            Refuse(e, source, MqttPubAckReasonCode.PayloadFormatInvalid, status, problem);
            return;
        }

        Count(source, status);
    }

    /// <summary>Counted as the HTTP inputs are (by the web's IngestMetrics), with the status its POST would have got, under api <c>mqtt</c>.</summary>
    private void Count(IngestionSource? source, int status) =>
        metrics.Input(source?.Name ?? "unknown", "mqtt", status is >= 200 and < 300, InputReason.Of(status));

    private Task SubscribeAsync(InterceptingSubscriptionEventArgs e)
    {
        if (e.SessionItems[SourceItem] is not IngestionSource source || !source.May(IngestScopes.StaRead))
        {
            e.ProcessSubscription = false;
            e.Response.ReasonCode = MqttSubscribeReasonCode.NotAuthorized;
        }

        return Task.CompletedTask;
    }

    private void Forward(StoredObservation o)
    {
        if (_server is not { IsStarted: true } server)
        {
            return;
        }

        var entity = new JsonObject
        {
            ["@iot.id"] = o.Id,
            ["phenomenonTime"] = o.ObservedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
            ["resultTime"] = null,
            ["result"] = o.Value,
        };
        var message = new MqttApplicationMessageBuilder()
            .WithTopic($"v1.1/Datastreams('{o.SensorId.Replace("'", "''", StringComparison.Ordinal)}')/Observations")
            .WithPayload(Encoding.UTF8.GetBytes(entity.ToJsonString()))
            .WithContentType("application/json")
            .Build();
        // Not awaited: the writer raised this and must not wait on subscribers' sockets.
        server.InjectApplicationMessage(new InjectedMqttApplicationMessage(message) { SenderClientId = ServerClientId })
            .ContinueWith(t => LogForwardFailed(t.Exception!), CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
    }

    private void Refuse(InterceptingPublishEventArgs e, IngestionSource? source, MqttPubAckReasonCode code, int status, string reason)
    {
        Count(source, status);
        e.Response.ReasonCode = code;
        e.Response.ReasonString = reason.Length <= 200 ? reason : reason[..200];
    }

    [GeneratedRegex(@"^v1\.1/Datastreams\(([^()]+)\)/Observations$")]
    private static partial Regex ObservationsTopic();

    [LoggerMessage(Level = LogLevel.Warning, Message = "An Observation could not be forwarded to MQTT subscribers.")]
    private partial void LogForwardFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "SensorThings MQTT broker listening on port {Port}.")]
    private partial void LogStarted(int port);
}
