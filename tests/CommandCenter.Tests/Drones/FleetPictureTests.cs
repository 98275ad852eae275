using System.Diagnostics;
using CommandCenter.Drones;
using Twin.Domain.Drones;
using Twin.Domain.Geography;

namespace CommandCenter.Tests.Drones;

/// <summary>
/// The fleet a node's screens are shown (<see cref="FleetPicture"/>). On a follower the writer's stream moves the drones
/// as they fly, and a reload may have read the store before the latest move: it must not set a drone back along its
/// route nor bring back a mission that has ended, while still bringing what the stream did not.
/// </summary>
public sealed class FleetPictureTests
{
    private static readonly GeoPoint Home = new(121.41, 31.24);
    private static readonly DateTimeOffset At = new(2026, 12, 6, 4, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_reload_read_before_the_streams_latest_move_keeps_the_move_and_brings_the_drone_the_stream_missed()
    {
        var fleet = new FleetPicture();
        fleet.Reload([Flying("D-01", 0), Flying("D-02", 0)], [], keepFrom: null);
        var readBegan = Stopwatch.GetTimestamp();
        Assert.True(fleet.Apply([Moved(Flying("D-01", 3))], readBegan + 1));

        // The reload read D-01 one step behind the stream, and D-02's move whose notification was lost.
        fleet.Reload([Flying("D-01", 2), Flying("D-02", 5)], [], readBegan);

        Assert.Equal(3 * Step, Position(fleet, "D-01").Lat - Home.Lat, 9);
        Assert.Equal(5 * Step, Position(fleet, "D-02").Lat - Home.Lat, 9);
    }

    [Fact]
    public void A_move_the_reload_read_takes_the_reloads_state_and_is_forgotten()
    {
        var fleet = new FleetPicture();
        var moved = Stopwatch.GetTimestamp();
        fleet.Apply([Moved(Flying("D-01", 3))], moved);

        fleet.Reload([Flying("D-01", 4)], [], keepFrom: moved + 1);
        Assert.Equal(4 * Step, Position(fleet, "D-01").Lat - Home.Lat, 9);

        // Forgotten once read: a later reload that began before nothing new takes its own state.
        fleet.Reload([Flying("D-01", 6)], [], keepFrom: moved);
        Assert.Equal(6 * Step, Position(fleet, "D-01").Lat - Home.Lat, 9);
    }

    [Fact]
    public void A_mission_the_stream_ended_after_the_reloads_read_began_stays_ended_and_a_new_one_stays()
    {
        var fleet = new FleetPicture();
        fleet.Reload([Flying("D-01", 1)], [Mission("M-1", MissionStatus.Flying)], keepFrom: null);
        var readBegan = Stopwatch.GetTimestamp();
        fleet.Apply([Changed(Mission("M-1", MissionStatus.Landed)), Changed(Mission("M-2", MissionStatus.Planned))], readBegan + 1);

        fleet.Reload([Flying("D-01", 1)], [Mission("M-1", MissionStatus.Returning)], readBegan);

        Assert.Equal(["M-2"], fleet.Missions.Select(m => m.Id));
        Assert.Null(fleet.Mission("M-1"));
    }

    [Fact]
    public void A_whole_reset_takes_the_reloaded_fleet_as_it_is()
    {
        var fleet = new FleetPicture();
        fleet.Apply([Moved(Flying("D-01", 3)), Changed(Mission("M-2", MissionStatus.Flying))], Stopwatch.GetTimestamp());

        fleet.Reload([Flying("D-01", 1), Flying("D-03", 0)], [], keepFrom: null);

        Assert.Equal(["D-01", "D-03"], fleet.Drones.Select(d => d.Id).Order());
        Assert.Equal(1 * Step, Position(fleet, "D-01").Lat - Home.Lat, 9);
        Assert.Empty(fleet.Missions);
    }

    private const double Step = 0.0005;

    private static DroneState Flying(string id, int steps) =>
        DroneState.Docked(new DroneDefinition(id, "经纬 M350 RTK", Home, 15)) with
        {
            Status = DroneStatus.Airborne,
            Position = new GeoPoint(Home.Lon, Home.Lat + steps * Step),
            LastTelemetryAt = At.AddSeconds(steps),
        };

    private static DroneChanged Moved(DroneState drone) => new(1, At, drone, null);

    private static MissionChanged Changed(MissionState mission) => new(1, At, mission, null);

    private static MissionState Mission(string id, MissionStatus status) =>
        new(id, "D-01", MissionKind.Patrol, status, "R-1", null, [], At, null, At, "值班员", null);

    private static GeoPoint Position(FleetPicture fleet, string id) => fleet.Drones.Single(d => d.Id == id).Position;
}
