using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using CommandCenter.Ingestion.Common;
using CommandCenter.Map;
using Microsoft.Extensions.Options;
using NetTopologySuite.Geometries;
using Twin.Data.Boundary;
using Twin.Domain.Alarms;
using Twin.Domain.Engine;
using Twin.Domain.Geography;
using Twin.Domain.Time;

namespace CommandCenter.Ingestion.Cap;

/// <summary>
/// CAP 1.2 into the alarm model. Alert raises an alarm pinned inside Putuo where the area meets
/// the district; Update replaces the alarms of the messages it references; Cancel clears them.
/// A message already received (same sender and identifier) is answered again, not raised twice:
/// the writer finds it by its key before applying.
/// </summary>
public sealed class CapHandler(ITwinCommands commands, ITwinQueries queries, DistrictMap district, TwinClock clock, IOptionsMonitor<IngestionOptions> options)
{
    private const double MinRadiusMetres = 100;

    private static readonly JsonSerializerOptions Output = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task<IResult> HandleAsync(HttpContext context, CancellationToken ct)
    {
        if (Datums.Parse(context.Request.Query["datum"].ToString(), out var datumProblem) is not { } datum)
        {
            return IngestErrors.Error(context, 400, datumProblem!);
        }

        if (context.Request.ContentType is { } type && !IsXml(type))
        {
            return IngestErrors.Error(context, 415, $"Send CAP as application/cap+xml or application/xml, not {type}.");
        }

        if (CapMessage.Parse(IngestRequest.Of(context).Body, out var problem) is not { } message)
        {
            return IngestErrors.Error(context, 400, problem!);
        }

        if (message.Status is not ("Actual" or "Exercise"))
        {
            return IngestErrors.Error(context, 422, $"A {message.Status} message is not raised on the wall; only Actual and Exercise are.");
        }

        if (CapPlausibility.TimeProblem(message, clock.GetUtcNow(), options.CurrentValue) is { } timeProblem)
        {
            return IngestErrors.Error(context, 422, timeProblem);
        }

        var source = IngestRequest.Of(context).Source!;
        if (message.MsgType is "Update" or "Cancel" && ForeignReference(message) is { } foreign)
        {
            return await IngestErrors.ForbiddenAsync(context, source, foreign,
                $"Only the sender of {foreign} may update or cancel it; this {message.MsgType} comes from {message.Sender}.",
                new Dictionary<string, object?> { ["reference"] = foreign, ["sender"] = message.Sender });
        }

        if (message.MsgType is "Update" or "Cancel" && await AlarmOfAnotherSourceAsync(message, source, ct) is { } owned)
        {
            return await IngestErrors.ForbiddenAsync(context, source, owned.Id,
                $"{owned.SourceId} was sent with another source's API key; only that source may update or cancel it.",
                new Dictionary<string, object?> { ["reference"] = owned.SourceId, ["alarm"] = owned.Id });
        }

        switch (message.MsgType)
        {
            case "Alert" or "Update":
                return await RaiseAsync(context, message, datum, ct);
            case "Cancel":
                return await CancelAsync(context, message, ct);
            default:
                return IngestErrors.Error(context, 422, $"msgType {message.MsgType} is not handled; send Alert, Update or Cancel.");
        }
    }

    /// <summary>
    /// CAP severity sets the level; urgency and certainty adjust it: an Immediate, Observed threat is
    /// raised one level (capped at critical), one that is Past or Unlikely drops to info.
    /// </summary>
    public static AlarmSeverity MapSeverity(CapInfo info)
    {
        if (info.Urgency == "Past" || info.Certainty == "Unlikely")
        {
            return AlarmSeverity.Info;
        }

        var severity = info.Severity switch
        {
            "Extreme" => AlarmSeverity.Critical,
            "Severe" => AlarmSeverity.Major,
            "Moderate" => AlarmSeverity.Minor,
            _ => AlarmSeverity.Info,
        };
        return info.Urgency == "Immediate" && info.Certainty == "Observed" && severity < AlarmSeverity.Critical ? severity + 1 : severity;
    }

    /// <summary>
    /// The first reference naming another sender's message, if any. An alert belongs to its sender:
    /// without this, any source could clear or replace another's warning by naming it.
    /// </summary>
    private static string? ForeignReference(CapMessage message) =>
        message.References.FirstOrDefault(r => !r.StartsWith(message.Sender + ",", StringComparison.Ordinal));

    /// <summary>
    /// The first referenced alarm another ingestion source raised: a CAP sender name is only text
    /// in the body, so any key could claim it; the key that sent the alert is what proves who owns it.
    /// </summary>
    private async Task<AlarmState?> AlarmOfAnotherSourceAsync(CapMessage message, IngestionSource source, CancellationToken ct)
    {
        foreach (var reference in message.References)
        {
            if (await queries.FindAlarmBySourceAsync(AlarmSource.Cap, reference, ct) is { Owner: { } owner } alarm &&
                !string.Equals(owner, source.Name, StringComparison.Ordinal))
            {
                return alarm;
            }
        }

        return null;
    }

    private async Task<IResult> RaiseAsync(HttpContext context, CapMessage message, InputDatum datum, CancellationToken ct)
    {
        var info = message.Info!;
        var area = Area(info, datum);
        if (area.Problem() is { } areaProblem)
        {
            return IngestErrors.Error(context, 400, $"The area is not usable: {areaProblem}.");
        }

        if (Anchor(area, out var anchorProblem) is not { } location)
        {
            return IngestErrors.Error(context, anchorProblem == AnchorProblem.Invalid ? 400 : 422, anchorProblem == AnchorProblem.Invalid
                ? "A <polygon> is not a valid shape (its edges cross)."
                : $"The alert's area does not reach {district.Name}.");
        }

        // After the anchor, which has refused shapes that are not valid geometry.
        if (CapPlausibility.AreaProblem(area, options.CurrentValue.MaxCapAreaKm2) is { } sizeProblem)
        {
            return IngestErrors.Error(context, 422, sizeProblem);
        }

        var title = info.Headline ?? $"{info.Event} · {info.AreaDescription}";
        var alert = new ExternalAlert(
            message.Key,
            Clip(info.Event, 100),
            Clip(message.Status == "Exercise" ? $"[演练] {title}" : title, 200),
            MapSeverity(info),
            location,
            area,
            message.References)
        {
            Owner = IngestRequest.Of(context).Source!.Name,
        };
        var outcome = await commands.SubmitAsync(new RaiseExternalAlarmCommand(alert), ct);
        if (outcome.Conflict)
        {
            return IngestErrors.Error(context, 409, outcome.Reason!, new Dictionary<string, object?> { ["alarm"] = outcome.Id, ["identifier"] = message.Identifier, ["sender"] = message.Sender });
        }

        return outcome.Exists
            ? Answer(outcome.Accepted ? 201 : 200, message, outcome.Id!, replay: outcome.Replayed)
            : IngestErrors.Error(context, 422, outcome.Reason ?? "The alert was refused.");
    }

    private async Task<IResult> CancelAsync(HttpContext context, CapMessage message, CancellationToken ct)
    {
        var known = new List<AlarmState>();
        foreach (var key in message.References)
        {
            if (await queries.FindAlarmBySourceAsync(AlarmSource.Cap, key, ct) is { } alarm)
            {
                known.Add(alarm);
            }
        }

        if (known.Count == 0)
        {
            return IngestErrors.Error(context, 404, "The Cancel references no alert received here.");
        }

        // Refused only when every referenced alarm is already cleared: a replayed Cancel changes nothing and is answered alike.
        await commands.SubmitAsync(new CancelExternalAlarmCommand(message.References, message.Key), ct);
        var body = new JsonObject
        {
            ["identifier"] = message.Identifier,
            ["sender"] = message.Sender,
            ["msgType"] = message.MsgType,
            ["cleared"] = new JsonArray(known.Select(a => (JsonNode)JsonValue.Create(a.Id)).ToArray()),
        };
        return Results.Text(body.ToJsonString(Output), "application/json; charset=utf-8");
    }

    private static AlarmArea Area(CapInfo info, InputDatum datum)
    {
        GeoPoint Point((double Lat, double Lon) p) => datum.ToWgs84(p.Lon, p.Lat);

        // CAP allows radius 0 (a point, as in its earthquake example); it is drawn as a small circle.
        double Metres(double km) => Math.Max(MinRadiusMetres, km * 1000);
        if (info.Polygons.Count == 0 && info.Circles.Count == 1)
        {
            return AlarmArea.Circle(Point(info.Circles[0].Centre), Metres(info.Circles[0].RadiusKm));
        }

        // Several shapes: circles join the polygons as rings so one area holds them all.
        var rings = info.Polygons.Select(ring => (IReadOnlyList<GeoPoint>)ring.Select(Point).ToList())
            .Concat(info.Circles.Select(c => AreaGeometry.Rings(AlarmArea.Circle(Point(c.Centre), Metres(c.RadiusKm)))[0]))
            .ToList();
        return AlarmArea.Polygon(rings);
    }

    private enum AnchorProblem
    {
        None,
        Invalid,
        Outside,
    }

    /// <summary>A point inside both the area and the district, where the alarm is pinned and counted.</summary>
    private GeoPoint? Anchor(AlarmArea area, out AnchorProblem problem)
    {
        problem = AnchorProblem.None;
        Geometry inside;
        try
        {
            var geometry = AreaGeometry.ToGeometry(area);
            if (!geometry.IsValid)
            {
                problem = AnchorProblem.Invalid;
                return null;
            }

            inside = geometry.Intersection(district.Outline);
        }
        catch (Exception ex) when (ex is TopologyException or ArgumentException)
        {
            problem = AnchorProblem.Invalid;
            return null;
        }

        if (inside.IsEmpty || inside.InteriorPoint is not { IsEmpty: false } point || !district.Contains(new GeoPoint(point.X, point.Y)))
        {
            problem = AnchorProblem.Outside;
            return null;
        }

        return new GeoPoint(point.X, point.Y);
    }

    private static IResult Answer(int status, CapMessage message, string alarmId, bool replay)
    {
        var body = new JsonObject
        {
            ["identifier"] = message.Identifier,
            ["sender"] = message.Sender,
            ["msgType"] = message.MsgType,
            ["alarmId"] = alarmId,
            ["replay"] = replay,
        };
        return Results.Text(body.ToJsonString(Output), "application/json; charset=utf-8", statusCode: status);
    }

    private static bool IsXml(string contentType) =>
        contentType.StartsWith("application/cap+xml", StringComparison.OrdinalIgnoreCase) ||
        contentType.StartsWith("application/xml", StringComparison.OrdinalIgnoreCase) ||
        contentType.StartsWith("text/xml", StringComparison.OrdinalIgnoreCase);

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
