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

    public static MapFeature Alarm(AlarmState a) => new(
        a.Id,
        Point(a.Location),
        new Dictionary<string, object?>
        {
            ["layer"] = MapLayers.Alarms,
            ["severity"] = Wire(a.Severity),
            ["source"] = a.Source switch
            {
                AlarmSource.AiVideo => "ai-video",
                AlarmSource.Cap => "cap",
                _ => "sensor",
            },
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

    /// <summary>camelCase enum names, as the protocol document lists them.</summary>
    private static string Wire<T>(T value) where T : struct, Enum
    {
        var name = value.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }
}
