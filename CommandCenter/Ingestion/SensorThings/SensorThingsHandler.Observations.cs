using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CommandCenter.Ingestion.Common;
using Twin.Data.Sensors;
using Twin.Domain.Engine;
using Twin.Domain.Sensors;

namespace CommandCenter.Ingestion.SensorThings;

/// <summary>Observations: the stored readings read with the query options, and readings posted one at a time or as a dataArray batch.</summary>
public sealed partial class SensorThingsHandler
{
    // ---- observations -----------------------------------------------------------------------------

    public async Task<IResult> ObservationsAsync(HttpContext c, string? datastreamId, CancellationToken ct)
    {
        string? sensorId = null;
        if (datastreamId is not null)
        {
            if (FindSensor(datastreamId) is not { } sensor)
            {
                return IngestErrors.Error(c, 404, $"No Datastream {datastreamId}.");
            }

            sensorId = sensor.Definition.Id;
        }

        if (StaQuery.Parse(c.Request.Query, observations: true, out var problem) is not { } query)
        {
            return IngestErrors.Error(c, 400, problem!);
        }

        // One row more than asked tells whether a next page exists without counting.
        var page = await queries.QueryObservationsAsync(
            new ObservationQuery(sensorId, query.Filter, query.OrderBy, query.Skip, query.Top + 1, query.Count), ct);
        var items = page.Items.Take(query.Top).ToList();
        var result = new JsonObject();
        if (page.Count is { } total)
        {
            result["@iot.count"] = total;
        }

        result["value"] = new JsonArray(items.Select(o => (JsonNode)ObservationEntity(c, o, query.ExpandDatastream)).ToArray());
        if (page.Items.Count > query.Top)
        {
            result["@iot.nextLink"] = NextLink(c, query.Skip + query.Top, query.Top);
        }

        return Json(result);
    }

    public async Task<IResult> ObservationAsync(HttpContext c, string id, bool datastreamOnly, CancellationToken ct)
    {
        if (!long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ||
            await queries.GetObservationAsync(number, ct) is not { } observation)
        {
            return IngestErrors.Error(c, 404, $"No Observation {id}.");
        }

        if (datastreamOnly)
        {
            return FindSensor(observation.SensorId) is { } s ? Json(Datastream(c, s)) : IngestErrors.Error(c, 404, $"No Datastream for Observation {id}.");
        }

        if (StaQuery.Parse(c.Request.Query, observations: true, out var problem) is not { } query)
        {
            return IngestErrors.Error(c, 400, problem!);
        }

        return Json(ObservationEntity(c, observation, query.ExpandDatastream));
    }

    /// <summary>
    /// POST one Observation (to /Observations with a Datastream, or to /Datastreams(id)/Observations).
    /// 201 with Location once it is on disk; 200 with the stored one when that datastream already
    /// has an observation at that phenomenonTime (a replay creates nothing).
    /// </summary>
    public async Task<IResult> CreateObservationAsync(HttpContext c, string? datastreamId, CancellationToken ct)
    {
        if (ParseJson(c, out var problem) is not { } document)
        {
            return IngestErrors.Error(c, 400, problem!);
        }

        using (document)
        {
            if (ReadObservation(document.RootElement, datastreamId, out problem) is not { } input)
            {
                return IngestErrors.Error(c, 400, problem!);
            }

            if (FindSensor(input.SensorId) is null)
            {
                return IngestErrors.Error(c, datastreamId is null ? 400 : 404, $"No Datastream {input.SensorId}.");
            }

            var outcome = await commands.SubmitAsync(new RecordObservationCommand(input), ct);
            if (outcome is { Accepted: true, ObservationId: { } id })
            {
                return Stored(c, Announce(new StoredObservation(id, input.SensorId, input.Value, input.ObservedAt, input.BatteryPercent)), 201);
            }

            // A replay answers with the copy stored first; one carrying another result is a conflict naming it.
            if (outcome is { Replayed: true, ObservationId: { } storedId } && await queries.GetObservationAsync(storedId, ct) is { } stored)
            {
                return Stored(c, stored, 200);
            }

            if (outcome is { Conflict: true, ObservationId: { } conflictId })
            {
                return IngestErrors.Error(c, 409, outcome.Reason!, new Dictionary<string, object?> { ["stored"] = ObservationLink(c, conflictId) });
            }

            return IngestErrors.Error(c, 422, outcome.Reason ?? "The observation was refused.");
        }
    }

    /// <summary>
    /// CreateObservations (the dataArray extension). The whole body is checked first, so a malformed
    /// batch stores nothing; then each observation is applied on its own and the answer lists, in
    /// order, each one's selfLink or "error" (refused by the twin, e.g. older than late readings are kept).
    /// </summary>
    public async Task<IResult> CreateObservationsAsync(HttpContext c, CancellationToken ct)
    {
        if (ParseJson(c, out var problem) is not { } document)
        {
            return IngestErrors.Error(c, 400, problem!);
        }

        List<Observation> inputs;
        using (document)
        {
            if (ReadDataArrays(document.RootElement, out problem) is not { } read)
            {
                return IngestErrors.Error(c, 400, problem!);
            }

            inputs = read;
        }

        // In time order per datastream, so that each moves the current value in turn rather than arriving late;
        // submitted together, so they share the writer's batches (one fsync, not thousands).
        var ordered = inputs.Distinct().OrderBy(o => o.SensorId, StringComparer.Ordinal).ThenBy(o => o.ObservedAt).ToList();
        var outcomes = await commands.SubmitAllAsync(ordered.Select(o => (TwinCommand)new RecordObservationCommand(o)).ToList(), ct);
        var stored = new Dictionary<(string, DateTimeOffset), long>();
        for (var i = 0; i < ordered.Count; i++)
        {
            if (outcomes[i] is { Conflict: false, ObservationId: { } id })
            {
                stored.TryAdd((ordered[i].SensorId, ordered[i].ObservedAt), id);
            }

            if (outcomes[i] is { Accepted: true, ObservationId: { } created })
            {
                var o = ordered[i];
                Announce(new StoredObservation(created, o.SensorId, o.Value, o.ObservedAt, o.BatteryPercent));
            }
        }

        var links = inputs.Select(o => stored.TryGetValue((o.SensorId, o.ObservedAt), out var id)
            ? (JsonNode)JsonValue.Create(ObservationLink(c, id))
            : JsonValue.Create("error")).ToArray();
        return Results.Text(new JsonArray(links).ToJsonString(Output), "application/json; charset=utf-8", statusCode: 201);
    }

    private IResult Stored(HttpContext c, StoredObservation observation, int status)
    {
        c.Response.Headers.Location = ObservationLink(c, observation.Id);
        return Results.Text(ObservationEntity(c, observation, expandDatastream: false).ToJsonString(Output), "application/json; charset=utf-8", statusCode: status);
    }

    private static JsonDocument? ParseJson(HttpContext c, out string? problem)
    {
        problem = null;
        if (c.Request.ContentType is { } type && !type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            problem = $"Send JSON (application/json), not {type}.";
            return null;
        }

        try
        {
            return JsonDocument.Parse(IngestRequest.Of(c).Body, JsonLimits);
        }
        catch (JsonException ex)
        {
            problem = $"The body is not valid JSON: {ex.Message}";
            return null;
        }
    }

    private Observation? ReadObservation(JsonElement root, string? datastreamId, out string? problem)
    {
        problem = null;
        if (root.ValueKind != JsonValueKind.Object)
        {
            problem = "An Observation is a JSON object.";
            return null;
        }

        string? sensorId = datastreamId is null ? null : Unquote(datastreamId);
        if (root.TryGetProperty("Datastream", out var ds))
        {
            if (ds.ValueKind != JsonValueKind.Object || !ds.TryGetProperty("@iot.id", out var dsId) || dsId.ValueKind is not (JsonValueKind.String or JsonValueKind.Number))
            {
                problem = "Datastream must be an object with an @iot.id.";
                return null;
            }

            var bodyId = dsId.ValueKind == JsonValueKind.String ? dsId.GetString()! : dsId.GetRawText();
            if (sensorId is not null && bodyId != sensorId)
            {
                problem = $"The body names Datastream {bodyId} but was posted to Datastream {sensorId}.";
                return null;
            }

            sensorId = bodyId;
        }

        if (sensorId is null)
        {
            problem = "Datastream is required: {\"Datastream\": {\"@iot.id\": \"…\"}}.";
            return null;
        }

        if (!root.TryGetProperty("phenomenonTime", out var timeElement) || ReadTime(timeElement, "phenomenonTime", out problem) is not { } time)
        {
            problem ??= "phenomenonTime is required.";
            return null;
        }

        if (root.TryGetProperty("resultTime", out var resultTime) && resultTime.ValueKind != JsonValueKind.Null && ReadTime(resultTime, "resultTime", out problem) is null)
        {
            return null;
        }

        if (!root.TryGetProperty("result", out var resultElement) || ReadResult(resultElement, out problem) is not { } value)
        {
            problem ??= "result is required.";
            return null;
        }

        double? battery = null;
        if (root.TryGetProperty("parameters", out var parameters))
        {
            if (parameters.ValueKind != JsonValueKind.Object)
            {
                problem = "parameters must be an object.";
                return null;
            }

            if (parameters.TryGetProperty("batteryPercent", out var b))
            {
                if (b.ValueKind != JsonValueKind.Number || !b.TryGetDouble(out var percent) || percent is < 0 or > 100)
                {
                    problem = "parameters.batteryPercent must be a number from 0 to 100.";
                    return null;
                }

                battery = percent;
            }
        }

        return new Observation(sensorId, value, time, battery);
    }

    private List<Observation>? ReadDataArrays(JsonElement root, out string? problem)
    {
        problem = null;
        if (root.ValueKind != JsonValueKind.Array || root.GetArrayLength() == 0)
        {
            problem = "CreateObservations takes a non-empty JSON array of {Datastream, components, dataArray}.";
            return null;
        }

        var result = new List<Observation>();
        var index = 0;
        foreach (var item in root.EnumerateArray())
        {
            var where = $"[{index++}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                problem = $"{where} is not an object.";
                return null;
            }

            if (!item.TryGetProperty("Datastream", out var ds) || ds.ValueKind != JsonValueKind.Object ||
                !ds.TryGetProperty("@iot.id", out var dsId) || dsId.ValueKind is not (JsonValueKind.String or JsonValueKind.Number))
            {
                problem = $"{where}.Datastream must be an object with an @iot.id.";
                return null;
            }

            var sensorId = dsId.ValueKind == JsonValueKind.String ? dsId.GetString()! : dsId.GetRawText();
            if (FindSensor(sensorId) is null)
            {
                problem = $"{where}: no Datastream {sensorId}.";
                return null;
            }

            if (!item.TryGetProperty("components", out var componentsElement) || componentsElement.ValueKind != JsonValueKind.Array ||
                componentsElement.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
            {
                problem = $"{where}.components must be an array of names.";
                return null;
            }

            var components = componentsElement.EnumerateArray().Select(e => e.GetString()!).ToList();
            var unknown = components.FirstOrDefault(n => n is not ("phenomenonTime" or "result" or "resultTime" or "FeatureOfInterest/id"));
            if (unknown is not null || components.Distinct().Count() != components.Count ||
                !components.Contains("phenomenonTime") || !components.Contains("result"))
            {
                problem = $"{where}.components must name phenomenonTime and result once each, and may add resultTime and FeatureOfInterest/id.";
                return null;
            }

            if (!item.TryGetProperty("dataArray", out var rows) || rows.ValueKind != JsonValueKind.Array)
            {
                problem = $"{where}.dataArray must be an array.";
                return null;
            }

            if (item.TryGetProperty("dataArray@iot.count", out var declared) &&
                (declared.ValueKind != JsonValueKind.Number || !declared.TryGetInt32(out var n) || n != rows.GetArrayLength()))
            {
                problem = $"{where}: dataArray@iot.count does not match the number of rows.";
                return null;
            }

            var row = 0;
            foreach (var values in rows.EnumerateArray())
            {
                var at = $"{where}.dataArray[{row++}]";
                if (values.ValueKind != JsonValueKind.Array || values.GetArrayLength() != components.Count)
                {
                    problem = $"{at} must be an array of {components.Count} values, one per component.";
                    return null;
                }

                var cells = values.EnumerateArray().ToList();
                if (ReadTime(cells[components.IndexOf("phenomenonTime")], $"{at} phenomenonTime", out problem) is not { } time ||
                    ReadResult(cells[components.IndexOf("result")], out problem) is not { } value)
                {
                    problem = $"{at}: {problem}";
                    return null;
                }

                if (components.IndexOf("resultTime") is >= 0 and var rt && cells[rt].ValueKind != JsonValueKind.Null &&
                    ReadTime(cells[rt], $"{at} resultTime", out problem) is null)
                {
                    return null;
                }

                result.Add(new Observation(sensorId, value, time));
                if (result.Count > MaxBatchObservations)
                {
                    problem = $"At most {MaxBatchObservations} observations per CreateObservations request.";
                    return null;
                }
            }
        }

        return result;
    }

    private static DateTimeOffset? ReadTime(JsonElement element, string name, out string? problem)
    {
        problem = null;
        if (element.ValueKind == JsonValueKind.String && element.GetString() is { } text)
        {
            if (text.Contains('/', StringComparison.Ordinal))
            {
                problem = $"{name}: time intervals are not supported; send an instant.";
                return null;
            }

            if (IsoTime.TryParse(text, out var time))
            {
                return time;
            }
        }

        problem = $"{name} must be an ISO 8601 instant with a zone, e.g. 2026-11-30T08:00:00Z.";
        return null;
    }

    private static double? ReadResult(JsonElement element, out string? problem)
    {
        problem = null;
        if (element.ValueKind == JsonValueKind.Number && element.TryGetDouble(out var value) && double.IsFinite(value))
        {
            return value;
        }

        problem = "result must be a finite JSON number (this server stores measurements).";
        return null;
    }
}
