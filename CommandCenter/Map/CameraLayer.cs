using Twin.Domain.Cameras;
using Twin.Domain.Geography;

namespace CommandCenter.Map;

/// <summary>The static camera layer, built once: 21,000 features are too many to rebuild per request.</summary>
public sealed class CameraLayer(DistrictMap district, IReadOnlyList<Camera> cameras)
{
    private readonly Lazy<FeatureCollection> _features = new(() => new FeatureCollection(
        cameras.Select(c => MapFeatures.Camera(c, district.FindSubDistrict(c.SubDistrictCode)?.Name ?? c.SubDistrictCode)).ToList()));

    public IReadOnlyList<Camera> Cameras => cameras;

    public FeatureCollection Features => _features.Value;
}
