using System.Text.Json;
using Twin.Domain.Cameras;
using Twin.Domain.Geography;

namespace CommandCenter.Map;

/// <summary>
/// The static camera layer. Its 21,000 features are serialised to UTF-8 JSON once and kept as a
/// parsed <see cref="JsonElement"/>, which the hub's JSON protocol writes out verbatim: serialising
/// them property by property on every <c>GetCameras</c> call took seconds.
/// </summary>
public sealed class CameraLayer(DistrictMap district, IReadOnlyList<Camera> cameras)
{
    // The same camelCase names as SignalR's JSON protocol gives the live layers' records.
    private static readonly JsonSerializerOptions Wire = new(JsonSerializerDefaults.Web);

    private readonly Lazy<JsonElement> _featureCollection = new(() => JsonSerializer.SerializeToElement(
        new FeatureCollection(cameras.Select(c => MapFeatures.Camera(c, district.FindSubDistrict(c.SubDistrictCode)?.Name ?? c.SubDistrictCode)).ToList()),
        Wire));

    public IReadOnlyList<Camera> Cameras => cameras;

    /// <summary>The layer as one GeoJSON FeatureCollection (see docs/hub-protocol.md).</summary>
    public JsonElement FeatureCollectionJson => _featureCollection.Value;
}
