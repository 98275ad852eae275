using System.Globalization;
using System.Text.Json;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;
using Twin.Domain.Geography;

namespace Twin.Domain.Emergency;

/// <summary>Reads <c>wwwroot-assets/geo/flood_control_simulated.geojson</c>: one Point feature per place, its <c>kind</c> in the properties.</summary>
public static class FloodControlAssetsLoader
{
    public const string FileName = "flood_control_simulated.geojson";

    private static readonly JsonSerializerOptions GeoJsonOptions = CreateOptions();

    public static FloodControlAssets LoadFromDirectory(string geoDirectory) =>
        Parse(File.ReadAllText(Path.Combine(geoDirectory, FileName)), FileName);

    public static FloodControlAssets Parse(string json, string fileName)
    {
        var collection = JsonSerializer.Deserialize<FeatureCollection>(json, GeoJsonOptions)
            ?? throw new InvalidDataException($"{fileName}: not a FeatureCollection.");
        var points = new List<FloodPoint>();
        var depots = new List<SupplyDepot>();
        var teams = new List<RescueTeam>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var feature in collection)
        {
            var id = Text(feature, "id", fileName);
            var where = $"{fileName}: {id}";
            if (!ids.Add(id))
            {
                throw new InvalidDataException($"{where}: the id is a duplicate.");
            }

            if (feature.Geometry is not Point point)
            {
                throw new InvalidDataException($"{where}: not a Point.");
            }

            var location = new GeoPoint(point.X, point.Y);
            var name = Text(feature, "name", where);
            var simulated = feature.Attributes.GetOptionalValue("simulated") is true;
            var kind = Text(feature, "kind", where);
            switch (kind)
            {
                case "waterlogging-point":
                    points.Add(new FloodPoint(id, FloodPointKind.WaterloggingPoint, name, location, Text(feature, "sub_district_code", where), simulated));
                    break;
                case "underpass":
                    points.Add(new FloodPoint(id, FloodPointKind.Underpass, name, location, Text(feature, "sub_district_code", where), simulated));
                    break;
                case "pumping-station":
                    points.Add(new FloodPoint(id, FloodPointKind.PumpingStation, name, location, Text(feature, "sub_district_code", where), simulated));
                    break;
                case "supply-depot":
                    depots.Add(new SupplyDepot(id, name, location, Text(feature, "sub_district_code", where), simulated, Stock(feature, where)));
                    break;
                case "rescue-team":
                    teams.Add(new RescueTeam(id, name, location, Whole(feature.Attributes.GetOptionalValue("members"), where, "members"),
                        Text(feature, "department", where), simulated));
                    break;
                default:
                    throw new InvalidDataException($"{where}: kind '{kind}' is not one of waterlogging-point, underpass, pumping-station, supply-depot, rescue-team.");
            }
        }

        return new FloodControlAssets(points, depots, teams);
    }

    private static Dictionary<string, int> Stock(IFeature feature, string where)
    {
        if (feature.Attributes.GetOptionalValue("stock") is not IAttributesTable table)
        {
            throw new InvalidDataException($"{where}: a depot needs a 'stock' object (item: quantity).");
        }

        return table.GetNames().ToDictionary(item => item, item => Whole(table[item], where, item), StringComparer.Ordinal);
    }

    private static int Whole(object? value, string where, string what) =>
        value is not null && double.TryParse(Convert.ToString(value, CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
            && d >= 0 && d == Math.Floor(d) && d <= int.MaxValue
            ? (int)d
            : throw new InvalidDataException($"{where}: '{what}' must be a whole number not below 0.");

    private static string Text(IFeature feature, string name, string where) =>
        feature.Attributes.GetOptionalValue(name) is string { Length: > 0 } text
            ? text
            : throw new InvalidDataException($"{where}: property '{name}' is required.");

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions();
        options.Converters.Add(new GeoJsonConverterFactory());
        return options;
    }
}
