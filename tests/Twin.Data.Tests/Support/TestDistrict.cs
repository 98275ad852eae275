using Twin.Domain.Cameras;
using Twin.Domain.Catalogue;
using Twin.Domain.Drones;
using Twin.Domain.Emergency;
using Twin.Domain.Geography;

namespace Twin.Data.Tests.Support;

/// <summary>The real district and catalogue, loaded once for all tests (loading parses GeoJSON).</summary>
public static class TestDistrict
{
    private static readonly Lazy<DistrictMap> LazyMap = new(() =>
        DistrictMapLoader.LoadFromDirectory(Path.Combine(RepoRoot(), "wwwroot-assets", "geo"), 500));

    private static readonly Lazy<EventCatalogue> LazyCatalogue = new(EventCatalogue.LoadDefault);

    private static readonly Lazy<IReadOnlyList<Camera>> LazyCameras = new(() =>
        CameraLayout.Create(Map, DistrictMapLoader.LoadMetroStationsFromDirectory(Path.Combine(RepoRoot(), "wwwroot-assets", "geo")), new Twin.Domain.Simulation.SimulatorOptions().Seed));

    private static readonly Lazy<IReadOnlyList<GeoPoint>> LazyPoints = new(() =>
        Map.SubDistricts
            .Select(s => s.Boundary.InteriorPoint)
            .Select(p => new GeoPoint(p.X, p.Y))
            .Where(Map.Contains)
            .ToList());

    private static readonly Lazy<EmergencyResources> LazyEmergency = new(() => new EmergencyResources(
        PlanLibrary.LoadDefault(Catalogue),
        FloodControlAssetsLoader.LoadFromDirectory(Path.Combine(RepoRoot(), "wwwroot-assets", "geo"))));

    private static readonly Lazy<IReadOnlyList<PatrolRoute>> LazyRoutes = new(() =>
        PatrolRouteFile.Parse(File.ReadAllText(Path.Combine(RepoRoot(), "wwwroot-assets", "geo", "drone_patrol_routes.geojson")), new OperatingArea(Map)).Routes);

    public static DistrictMap Map => LazyMap.Value;

    /// <summary>The repository's drone patrol routes.</summary>
    public static IReadOnlyList<PatrolRoute> Routes => LazyRoutes.Value;

    /// <summary>The plans and the flood-control assets (depots with stock).</summary>
    public static EmergencyResources Emergency => LazyEmergency.Value;

    public static EventCatalogue Catalogue => LazyCatalogue.Value;

    /// <summary>The camera layout of the default seed (AI cameras raise the simulated 高空抛物 alarms).</summary>
    public static IReadOnlyList<Camera> Cameras => LazyCameras.Value;

    /// <summary>One point well inside each 街镇.</summary>
    public static IReadOnlyList<GeoPoint> InsidePoints => LazyPoints.Value;

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CityOps.Twin.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("CityOps.Twin.sln not found above " + AppContext.BaseDirectory);
    }
}
