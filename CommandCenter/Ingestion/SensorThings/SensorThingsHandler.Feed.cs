using System.Text.Json;
using Twin.Data.Sensors;
using Twin.Domain.Engine;
using Twin.Domain.Sensors;

namespace CommandCenter.Ingestion.SensorThings;

/// <summary>Observations for the MQTT extension: taken from a published message, and announced once stored, whichever way they came.</summary>
public sealed partial class SensorThingsHandler
{
    /// <summary>Raised after a new Observation is on disk (HTTP or MQTT); handlers must be quick.</summary>
    public event Action<StoredObservation>? ObservationStored;

    /// <summary>
    /// An Observation published over MQTT to a Datastream's topic, taken as its HTTP POST would be;
    /// answers the stored Observation, or why it was refused. A replay stores nothing and announces nothing.
    /// </summary>
    public async Task<(StoredObservation? Stored, string? Problem)> SubmitObservationAsync(byte[] payload, string datastreamId, CancellationToken ct)
    {
        if (!System.Text.Unicode.Utf8.IsValid(payload))
        {
            return (null, "The payload is not valid UTF-8.");
        }

        Observation input;
        try
        {
            using var document = JsonDocument.Parse(payload, JsonLimits);
            if (ReadObservation(document.RootElement, datastreamId, out var problem) is not { } read)
            {
                return (null, problem);
            }

            input = read;
        }
        catch (JsonException ex)
        {
            return (null, $"The payload is not valid JSON: {ex.Message}");
        }

        if (FindSensor(input.SensorId) is null)
        {
            return (null, $"No Datastream {input.SensorId}.");
        }

        var outcome = await commands.SubmitAsync(new RecordObservationCommand(input), ct);
        return outcome switch
        {
            { Accepted: true, ObservationId: { } id } => (Announce(new StoredObservation(id, input.SensorId, input.Value, input.ObservedAt, input.BatteryPercent)), null),
            { Replayed: true } => (null, null),
            _ => (null, outcome.Reason ?? "The observation was refused."),
        };
    }

    private StoredObservation Announce(StoredObservation observation)
    {
        ObservationStored?.Invoke(observation);
        return observation;
    }
}
