using System.Globalization;
using CommandCenter.Localization;
using CommandCenter.Vocabulary;
using Twin.Domain.Engine;
using Twin.Domain.Geography;
using Twin.Domain.Sensors;
using Twin.Domain.Tickets;
using Twin.Domain.Vocabulary;

namespace CommandCenter.Components.Console;

/// <summary>A marker of the ticket map's surroundings: another open case or a sensor, its label and colour in the page's language.</summary>
public sealed record MapMarker(string Id, GeoPoint At, string Role, string Label, string Color);

/// <summary>
/// What lies around a case on its map (ticket map, wwwroot-assets/js/ticketmap.js): the open cases
/// and the sensors within <see cref="RadiusMetres"/>, the nearest first and at most
/// <see cref="MaxEach"/> of each, so the officer sees whether the street already has cases or a
/// gauge in alarm without the map filling with the whole district.
/// </summary>
public static class TicketSurroundings
{
    /// <summary>About the map's view at its ticket zoom (15) in the console's pane.</summary>
    public const double RadiusMetres = 600;

    public const int MaxEach = 25;

    public const string NearbyRole = "nearby";
    public const string SensorRole = "sensor";

    /// <summary>Open cases and sensors around <paramref name="ticket"/>, without it and the cases in <paramref name="shownAlready"/>.</summary>
    public static IReadOnlyList<MapMarker> Around(TicketState ticket, TwinSnapshot snapshot, IReadOnlySet<string> shownAlready, Lang lang)
    {
        var tickets = Nearest(snapshot.Tickets.Where(t => t.Id != ticket.Id && t.Status.IsOpen() && !shownAlready.Contains(t.Id)), t => t.Location, ticket.Location)
            .Select(t => new MapMarker(t.Id, t.Location, NearbyRole, t.Id, VocabularyStyle.Color(t.Status)));
        var sensors = Nearest(snapshot.Sensors, s => s.Definition.Location, ticket.Location)
            .Select(s => new MapMarker(s.Definition.Id, s.Definition.Location, SensorRole, SensorLabel(s, lang), SensorColor(s)));
        return [.. tickets, .. sensors];
    }

    /// <summary>Every sensor, for the new-case map's whole-district view (labels appear only when zoomed in).</summary>
    public static IReadOnlyList<MapMarker> Sensors(TwinSnapshot snapshot, Lang lang) =>
        snapshot.Sensors.Select(s => new MapMarker(s.Definition.Id, s.Definition.Location, SensorRole, SensorLabel(s, lang), SensorColor(s))).ToList();

    /// <summary>The kind and the last value, e.g. "积水深度 12 cm": what the officer wants from a gauge beside a case.</summary>
    public static string SensorLabel(SensorState sensor, Lang lang)
    {
        var kind = Names.Of(sensor.Definition.Kind).Text(lang);
        return sensor.LastValue is { } value && sensor.Health != SensorHealth.Offline
            ? string.Create(CultureInfo.InvariantCulture, $"{kind} {value:0.##} {sensor.Definition.Unit}").TrimEnd()
            : $"{kind} · {Names.Of(sensor.Health).Text(lang)}";
    }

    /// <summary>Offline and stale sensors are grey: their value says nothing about now.</summary>
    private static string SensorColor(SensorState sensor) =>
        sensor.Health is SensorHealth.Offline or SensorHealth.Stale ? "#78909c" : sensor.ValueState == ValueState.Normal ? "#78cdaf" : VocabularyStyle.Color(sensor.ValueState);

    private static IEnumerable<T> Nearest<T>(IEnumerable<T> items, Func<T, GeoPoint> at, GeoPoint centre) =>
        items.Select(i => (Item: i, Metres: Metres(at(i), centre)))
            .Where(x => x.Metres <= RadiusMetres)
            .OrderBy(x => x.Metres)
            .Take(MaxEach)
            .Select(x => x.Item);

    private static double Metres(GeoPoint a, GeoPoint b) =>
        LocalProjection.Putuo.Forward(a.Lon, a.Lat).Distance(LocalProjection.Putuo.Forward(b.Lon, b.Lat));
}
