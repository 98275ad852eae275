using System.Collections.Immutable;
using System.Text.Json;
using Twin.Domain.Geography;

namespace Twin.Domain.Drones;

/// <summary>A patrol route: a line the drone flies out along and back, at one altitude.</summary>
public sealed record PatrolRoute(string Id, string Name, string NameEn, double AltitudeMetres, ImmutableArray<GeoPoint> Points);

/// <summary>
/// Reads a route file: a GeoJSON FeatureCollection of LineString features with <c>id</c>,
/// <c>name</c>, optional <c>name_en</c> and <c>altitudeMetres</c>, WGS-84. A file is taken whole or
/// refused whole, with the first problem found.
/// </summary>
public static class PatrolRouteFile
{
    public const int MaxRoutes = 50;
    public const int MaxPointsPerRoute = 2000;
    public const double DefaultAltitudeMetres = 80;

    public static RouteFileResult Parse(string json, OperatingArea area)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            return RouteFileResult.Refused($"Not JSON: {ex.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || Text(root, "type") != "FeatureCollection"
                || !root.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
            {
                return RouteFileResult.Refused("Expected a GeoJSON FeatureCollection with a features array.");
            }

            if (features.GetArrayLength() is 0 or > MaxRoutes)
            {
                return RouteFileResult.Refused($"A route file holds 1–{MaxRoutes} routes; this one has {features.GetArrayLength()}.");
            }

            var routes = new List<PatrolRoute>();
            var ids = new HashSet<string>(StringComparer.Ordinal);
            var index = 0;
            foreach (var feature in features.EnumerateArray())
            {
                index++;
                var (route, problem) = ReadRoute(feature, area);
                if (problem is not null)
                {
                    return RouteFileResult.Refused($"Feature {index}: {problem}");
                }

                if (!ids.Add(route!.Id))
                {
                    return RouteFileResult.Refused($"Feature {index}: route id '{route.Id}' appears twice.");
                }

                routes.Add(route);
            }

            return new RouteFileResult([.. routes], null);
        }
    }

    private static (PatrolRoute? Route, string? Problem) ReadRoute(JsonElement feature, OperatingArea area)
    {
        if (feature.ValueKind != JsonValueKind.Object || Text(feature, "type") != "Feature")
        {
            return (null, "not a GeoJSON Feature.");
        }

        var properties = feature.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object ? p : default;
        var id = properties.ValueKind == JsonValueKind.Object ? Text(properties, "id") : null;
        id ??= feature.TryGetProperty("id", out var fid) && fid.ValueKind == JsonValueKind.String ? fid.GetString() : null;
        if (string.IsNullOrWhiteSpace(id) || id.Length > 40)
        {
            return (null, "needs an id (properties.id, 1–40 characters).");
        }

        var name = properties.ValueKind == JsonValueKind.Object ? Text(properties, "name") : null;
        if (string.IsNullOrWhiteSpace(name) || name.Length > 60)
        {
            return (null, $"route {id} needs a name (properties.name, 1–60 characters).");
        }

        var altitude = DefaultAltitudeMetres;
        if (properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty("altitudeMetres", out var alt))
        {
            if (alt.ValueKind != JsonValueKind.Number || !alt.TryGetDouble(out altitude) || altitude is < 10 or > 120)
            {
                return (null, $"route {id}: altitudeMetres must be a number from 10 to 120 (the civil limit is 120 m).");
            }
        }

        if (!feature.TryGetProperty("geometry", out var geometry) || geometry.ValueKind != JsonValueKind.Object
            || Text(geometry, "type") != "LineString" || !geometry.TryGetProperty("coordinates", out var coordinates)
            || coordinates.ValueKind != JsonValueKind.Array)
        {
            return (null, $"route {id} must be a LineString.");
        }

        if (coordinates.GetArrayLength() is < 2 or > MaxPointsPerRoute)
        {
            return (null, $"route {id} needs 2–{MaxPointsPerRoute} points.");
        }

        var points = ImmutableArray.CreateBuilder<GeoPoint>(coordinates.GetArrayLength());
        foreach (var position in coordinates.EnumerateArray())
        {
            if (position.ValueKind != JsonValueKind.Array || position.GetArrayLength() < 2
                || position[0].ValueKind != JsonValueKind.Number || position[1].ValueKind != JsonValueKind.Number)
            {
                return (null, $"route {id}: every position is [lon, lat].");
            }

            var point = new GeoPoint(position[0].GetDouble(), position[1].GetDouble());
            if (!point.IsValidWgs84)
            {
                return (null, $"route {id}: {point} is not a WGS-84 position.");
            }

            if (!area.Contains(point))
            {
                return (null, $"route {id}: {point} is outside the operating area (the district plus {area.MarginMetres:0} m).");
            }

            points.Add(point);
        }

        var nameEn = Text(properties, "name_en") ?? name;
        return (new PatrolRoute(id.Trim(), name.Trim(), nameEn.Trim(), altitude, points.MoveToImmutable()), null);
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

public sealed record RouteFileResult(ImmutableArray<PatrolRoute> Routes, string? Problem)
{
    public static RouteFileResult Refused(string problem) => new([], problem);
}
