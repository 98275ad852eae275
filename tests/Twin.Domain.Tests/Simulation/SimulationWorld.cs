using Twin.Domain.Cameras;
using Twin.Domain.Catalogue;
using Twin.Domain.Emergency;
using Twin.Domain.Geography;

namespace Twin.Domain.Tests.Simulation;

/// <summary>The real district, catalogue and camera layout, loaded once for the simulation tests.</summary>
internal static class SimulationWorld
{
    private static readonly Lazy<string> GeoDirectoryLazy = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CityOps.Twin.sln")))
            {
                return Path.Combine(dir.FullName, "wwwroot-assets", "geo");
            }
        }

        throw new InvalidOperationException("CityOps.Twin.sln not found above the test output directory.");
    });

    private static readonly Lazy<DistrictMap> MapLazy = new(() => DistrictMapLoader.LoadFromDirectory(GeoDirectory, 500));
    private static readonly Lazy<IReadOnlyList<MetroStation>> StationsLazy = new(() => DistrictMapLoader.LoadMetroStationsFromDirectory(GeoDirectory));
    private static readonly Lazy<IReadOnlyList<Camera>> CamerasLazy = new(() => CameraLayout.Create(Map, Stations, seed: 20221));

    private static readonly Lazy<FloodControlAssets> FloodControlLazy = new(() => FloodControlAssetsLoader.LoadFromDirectory(GeoDirectory));

    public static string GeoDirectory => GeoDirectoryLazy.Value;

    public static DistrictMap Map => MapLazy.Value;

    public static IReadOnlyList<MetroStation> Stations => StationsLazy.Value;

    public static IReadOnlyList<Camera> Cameras => CamerasLazy.Value;

    public static EventCatalogue Catalogue { get; } = EventCatalogue.LoadDefault();

    public static FloodControlAssets FloodControl => FloodControlLazy.Value;
}

/// <summary>NTS prepared geometries build their indexes lazily; the tests that share one map run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class SimulationCollection
{
    public const string Name = "Simulation on the shared district map";
}
