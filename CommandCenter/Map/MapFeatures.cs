using Twin.Domain.Alarms;
using Twin.Domain.Cameras;
using Twin.Domain.Geography;
using Twin.Domain.Sensors;
using Twin.Domain.Tickets;

namespace CommandCenter.Map;

/// <summary>
/// Turns domain state into map features. Only masked personal data exists in the domain states
/// used here, so nothing personal can reach the hub stream.
/// </summary>
public static class MapFeatures
{
    public static MapFeature Ticket(TicketState t, string categoryName, string subDistrictName) => new(
        t.Id,
        Point(t.Location),
        new Dictionary<string, object?>
        {
            ["layer"] = MapLayers.Tickets,
            ["status"] = Wire(t.Status),
            ["channel"] = Wire(t.Channel),
            ["category"] = t.CategoryCode,
            ["categoryName"] = categoryName,
            ["title"] = t.Title,
            ["address"] = t.Address,
            ["subdistrict"] = subDistrictName,
            ["priority"] = Wire(t.Priority),
            ["reporter"] = JoinMasked(t.ReporterMasked, t.PhoneMasked),
            ["reportedAt"] = t.ReportedAt,
            ["inCorridor"] = t.InCorridor,
        });

    public static MapFeature HotlineHeat(TicketState t) => new(
        t.Id,
        Point(t.Location),
        new Dictionary<string, object?> { ["layer"] = MapLayers.Heat, ["weight"] = 1.0 });

    public static MapFeature Sensor(SensorState s) => new(
        s.Definition.Id,
        Point(s.Definition.Location),
        new Dictionary<string, object?>
        {
            ["layer"] = MapLayers.Sensors,
            ["kind"] = s.Definition.Kind.Slug(),
            ["kindName"] = s.Definition.Kind.NameZh(),
            ["name"] = s.Definition.Name,
            ["value"] = s.LastValue is { } v ? Math.Round(v, 2) : null,
            ["unit"] = s.Definition.Unit,
            ["valueState"] = Wire(s.ValueState),
            ["health"] = Wire(s.Health),
            ["observedAt"] = s.LastObservedAt,
        });

    private static readonly string[] SensorStaticProperties = ["kind", "kindName", "name", "unit"];

    /// <summary>
    /// What a screen holding <paramref name="previous"/> needs to reach <paramref name="current"/>
    /// of the same sensor: the changed reading properties, or null when the sensor itself changed
    /// (moved, renamed, another kind or unit) and the whole feature must be sent.
    /// </summary>
    public static SensorUpdate? SensorChange(MapFeature previous, MapFeature current)
    {
        if (!previous.Geometry.Coordinates.AsSpan().SequenceEqual(current.Geometry.Coordinates)
            || SensorStaticProperties.Any(key => !Equals(previous.Properties[key], current.Properties[key])))
        {
            return null;
        }

        var valueBefore = (double?)previous.Properties["value"];
        var valueNow = (double?)current.Properties["value"];
        if (valueNow is null && valueBefore is not null)
        {
            return null;
        }

        return new SensorUpdate(
            current.Id,
            Changed(valueBefore, valueNow),
            Changed((string?)previous.Properties["valueState"], (string?)current.Properties["valueState"]),
            Changed((string?)previous.Properties["health"], (string?)current.Properties["health"]),
            Changed((DateTimeOffset?)previous.Properties["observedAt"], (DateTimeOffset?)current.Properties["observedAt"]));
    }

    private static T? Changed<T>(T? before, T? now) where T : class => Equals(before, now) ? null : now;

    private static T? Changed<T>(T? before, T? now) where T : struct => Equals(before, now) ? null : now;

    public static MapFeature Alarm(AlarmState a) => new(
        a.Id,
        Point(a.Location),
        new Dictionary<string, object?>
        {
            ["layer"] = MapLayers.Alarms,
            ["severity"] = Wire(a.Severity),
            ["source"] = Wire(a.Source),
            ["kind"] = a.Kind,
            ["title"] = a.Title,
            ["raisedAt"] = a.RaisedAt,
            ["acknowledged"] = a.IsAcknowledged,
            ["area"] = a.Area is { } area ? AreaGeometry.ToGeoJson(area) : null,
        });

    public static MapFeature Camera(Camera c, string subDistrictName) => new(
        c.Id,
        Point(c.Location),
        new Dictionary<string, object?>
        {
            ["layer"] = MapLayers.Cameras,
            ["name"] = c.Name,
            ["ai"] = c.Ai,
            ["subdistrict"] = subDistrictName,
        });

    private static PointGeometry Point(GeoPoint p) => new([Math.Round(p.Lon, 6), Math.Round(p.Lat, 6)]);

    private static string JoinMasked(string name, string phone) =>
        string.Join(' ', new[] { name, phone }.Where(s => s.Length > 0));

    /// <summary>An alarm's source as the protocol document lists it.</summary>
    public static string Wire(AlarmSource source) => source switch
    {
        AlarmSource.AiVideo => "ai-video",
        AlarmSource.Cap => "cap",
        _ => "sensor",
    };

    /// <summary>camelCase enum names, as the protocol document lists them.</summary>
    public static string Wire<T>(T value) where T : struct, Enum
    {
        var name = value.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }
}
