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
    /// answers the stored Observation, or why it was refused with the status its HTTP POST would
    /// have got (for the inputs metric's reason). A replay stores nothing and announces nothing.
    /// </summary>
    public async Task<(StoredObservation? Stored, string? Problem, int Status)> SubmitObservationAsync(byte[] payload, string datastreamId, CancellationToken ct)
    {
        if (!System.Text.Unicode.Utf8.IsValid(payload))
        {
            return (null, "The payload is not valid UTF-8.", StatusCodes.Status400BadRequest);
        }

        Observation input;
        try
        {
            using var document = JsonDocument.Parse(payload, JsonLimits);
            if (ReadObservation(document.RootElement, datastreamId, out var problem) is not { } read)
            {
                return (null, problem, StatusCodes.Status400BadRequest);
            }

            input = read;
        }
        catch (JsonException ex)
        {
            return (null, $"The payload is not valid JSON: {ex.Message}", StatusCodes.Status400BadRequest);
        }

        if (FindSensor(input.SensorId) is null)
        {
            return (null, $"No Datastream {input.SensorId}.", StatusCodes.Status404NotFound);
        }

        var outcome = await commands.SubmitAsync(new RecordObservationCommand(input), ct);
        return outcome switch
        {
            { Accepted: true, ObservationId: { } id } => (Announce(new StoredObservation(id, input.SensorId, input.Value, input.ObservedAt, input.BatteryPercent)), null, StatusCodes.Status201Created),
            { Replayed: true } => (null, null, StatusCodes.Status200OK),
            { Conflict: true } => (null, outcome.Reason, StatusCodes.Status409Conflict),
            _ => (null, outcome.Reason ?? "The observation was refused.", StatusCodes.Status422UnprocessableEntity),
        };
    }

    private StoredObservation Announce(StoredObservation observation)
    {
        ObservationStored?.Invoke(observation);
        return observation;
    }
}
