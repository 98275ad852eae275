using Microsoft.Extensions.Time.Testing;
using Twin.Domain.Drones;
using Twin.Domain.Engine;
using Twin.Domain.Geography;
using Twin.Domain.Tests.Support;

namespace Twin.Domain.Tests.Drones;

/// <summary>An engine with one registered drone on the creek, and helpers to fly it.</summary>
public sealed class Fleet
{
    public const string DroneId = "D-T1";
    public const string Officer = "值班员01";

    /// <summary>On the creek's bank in 长寿路街道 (first point of the east route).</summary>
    public static readonly GeoPoint Home = new(121.394871, 31.220367);

    public Fleet()
    {
        (Engine, Time) = TestEngine.Create();
        TestEngine.Accept(Engine.RegisterDrone(new DroneDefinition(DroneId, "经纬 M350 RTK", Home, 15)));
    }

    public TwinEngine Engine { get; }

    public FakeTimeProvider Time { get; }

    public DroneState Drone => Engine.FindDrone(DroneId)!;

    public static IReadOnlyList<PatrolRoute> Routes { get; } = LoadRoutes();

    /// <summary>Metres east and north of <paramref name="from"/>.</summary>
    public static GeoPoint Offset(GeoPoint from, double east, double north) =>
        new(from.Lon + east / (111_320.0 * Math.Cos(from.Lat * Math.PI / 180)), from.Lat + north / 110_900.0);

    public DroneTelemetry Report(GeoPoint at, double altitude = 80, double link = 90, double battery = 80, double speed = 10) =>
        new(DroneId, Time.GetUtcNow(), at, altitude, 90, speed, battery, link);

    /// <summary>Advances the clock and sends a report that must be accepted.</summary>
    public void Fly(GeoPoint at, TimeSpan after, double link = 90, double battery = 80)
    {
        Time.Advance(after);
        TestEngine.Accept(Engine.RecordDroneTelemetry(Report(at, link: link, battery: battery)));
    }

    public string PlanPatrol(bool preempt = false)
    {
        var route = Routes[0];
        TestEngine.Accept(Engine.PlanMission(new MissionPlan(DroneId, MissionKind.Patrol, Officer, route.Id, route.Points, Preempt: preempt)));
        return Drone.MissionId!;
    }

    private static IReadOnlyList<PatrolRoute> LoadRoutes()
    {
        var result = PatrolRouteFile.Parse(File.ReadAllText(Path.Combine(TestGeo.GeoDirectory, "drone_patrol_routes.geojson")), new OperatingArea(TestGeo.Putuo));
        Assert.Null(result.Problem);
        return result.Routes;
    }
}
