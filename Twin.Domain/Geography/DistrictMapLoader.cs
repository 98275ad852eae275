using System.Globalization;
using System.Text.Json;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace Twin.Domain.Geography;

/// <summary>Builds a <see cref="DistrictMap"/> from the files of <c>wwwroot-assets/geo/</c>.</summary>
public static class DistrictMapLoader
{
    public const string OutlineFile = "putuo_district_boundary.geojson";
    public const string SubDistrictsFile = "putuo_subdistricts_osm.geojson";
    public const string CreekFile = "suzhou_creek_line_putuo_osm_derived.geojson";
    public const string CodesFile = "putuo_admin_codes_nbs2023.csv";
    public const string MetroStationsFile = "metro_stations_putuo_area.geojson";

    private static readonly JsonSerializerOptions GeoJsonOptions = CreateOptions();

    public static DistrictMap LoadFromDirectory(string geoDirectory, double corridorHalfWidthMetres) =>
        Load(file => File.ReadAllText(Path.Combine(geoDirectory, file)), corridorHalfWidthMetres);

    public static DistrictMap Load(Func<string, string> readFile, double corridorHalfWidthMetres)
    {
        var outlineFeature = ReadFeatures(readFile, OutlineFile).Single();
        var subDistricts = ReadFeatures(readFile, SubDistrictsFile)
            .Select(f => new SubDistrict(
                Code: Attribute(f, "nbs_code_2023", SubDistrictsFile),
                Name: Attribute(f, "name", SubDistrictsFile),
                NameEn: Attribute(f, "name_en", SubDistrictsFile),
                Kind: Attribute(f, "kind", SubDistrictsFile),
                AreaKm2: Convert.ToDouble(f.Attributes["area_km2_approx"], CultureInfo.InvariantCulture),
                Boundary: f.Geometry))
            .OrderBy(s => s.Code, StringComparer.Ordinal)
            .ToList();
        var creekLines = ReadFeatures(readFile, CreekFile).Select(f => f.Geometry).ToArray();
        var creek = creekLines[0].Factory.BuildGeometry(creekLines);
        var neighbourhoods = ReadNeighbourhoods(readFile(CodesFile), subDistricts);

        return new DistrictMap(
            Attribute(outlineFeature, "name", OutlineFile),
            Attribute(outlineFeature, "adcode", OutlineFile),
            outlineFeature.Geometry,
            subDistricts,
            neighbourhoods,
            creek,
            corridorHalfWidthMetres);
    }

    public static IReadOnlyList<MetroStation> LoadMetroStationsFromDirectory(string geoDirectory) =>
        LoadMetroStations(file => File.ReadAllText(Path.Combine(geoDirectory, file)));

    /// <summary>All stations of the clip box around Putuo (not only those inside the district).</summary>
    public static IReadOnlyList<MetroStation> LoadMetroStations(Func<string, string> readFile) =>
        ReadFeatures(readFile, MetroStationsFile)
            .Select(f => f.Geometry is Point point
                ? new MetroStation(Attribute(f, "name", MetroStationsFile), new GeoPoint(point.X, point.Y))
                : throw new InvalidDataException($"{MetroStationsFile}: station {Attribute(f, "name", MetroStationsFile)} is not a Point."))
            .ToList();

    private static List<Neighbourhood> ReadNeighbourhoods(string csv, IReadOnlyList<SubDistrict> subDistricts)
    {
        var known = subDistricts.Select(s => s.Code).ToHashSet(StringComparer.Ordinal);
        var result = new List<Neighbourhood>();
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        for (var i = 1; i < lines.Length; i++)
        {
            var cells = lines[i].Split(',');
            if (cells.Length < 5)
            {
                throw new InvalidDataException($"{CodesFile}, line {i + 1}: expected 5 columns, found {cells.Length}.");
            }

            if (cells[0] is "district" or "subdistrict_or_town")
            {
                continue;
            }

            if (!known.Contains(cells[3]))
            {
                throw new InvalidDataException($"{CodesFile}, line {i + 1}: parent {cells[3]} is not one of the 街镇.");
            }

            result.Add(new Neighbourhood(cells[1], cells[2], cells[3]));
        }

        return result;
    }

    private static IReadOnlyList<IFeature> ReadFeatures(Func<string, string> readFile, string file)
    {
        var collection = JsonSerializer.Deserialize<FeatureCollection>(readFile(file), GeoJsonOptions)
            ?? throw new InvalidDataException($"{file}: not a GeoJSON FeatureCollection.");
        if (collection.Count == 0)
        {
            throw new InvalidDataException($"{file}: the FeatureCollection is empty.");
        }

        return collection;
    }

    private static string Attribute(IFeature feature, string name, string file) =>
        feature.Attributes.Exists(name) && feature.Attributes[name] is { } value
            ? Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty
            : throw new InvalidDataException($"{file}: a feature lacks the property '{name}'.");

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions();
        options.Converters.Add(new GeoJsonConverterFactory(new GeometryFactory(new PrecisionModel(), 4326)));
        return options;
    }
}
