using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using NetTopologySuite.Features;
using NetTopologySuite.IO.Converters;
using Twin.Domain.Geography;

namespace CommandCenter.Map;

/// <summary>Static map documents computed on the server: the 苏河秀带 corridor band.</summary>
public static class MapEndpoints
{
    private static readonly JsonSerializerOptions GeoJson = CreateOptions();

    public static IEndpointRouteBuilder MapTwinMapEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/map/corridor.geojson", (DistrictMap district) =>
        {
            var feature = new Feature(district.Corridor, new AttributesTable
            {
                { "name", "苏河秀带" },
                { "name_en", "Suzhou Creek corridor" },
                { "halfWidthMetres", district.CorridorHalfWidthMetres },
                { "areaKm2", Math.Round(district.CorridorAreaKm2, 2) },
            });
            var collection = new NetTopologySuite.Features.FeatureCollection { feature };
            return Results.Text(JsonSerializer.Serialize(collection, GeoJson), "application/geo+json");
        }).RequireAuthorization(Security.Policies.ViewWall).Produces<System.Text.Json.Nodes.JsonObject>(200, "application/geo+json");
        return endpoints;
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };
        options.Converters.Add(new GeoJsonConverterFactory());
        return options;
    }
}
