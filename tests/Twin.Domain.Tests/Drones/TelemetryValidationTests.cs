using Twin.Domain.Drones;
using Twin.Domain.Geography;
using Twin.Domain.Tests.Support;

namespace Twin.Domain.Tests.Drones;

public sealed class TelemetryValidationTests
{
    private readonly Fleet _fleet = new();

    [Fact]
    public void A_good_report_moves_the_drone_and_extends_its_trail()
    {
        _fleet.Fly(Fleet.Offset(Fleet.Home, 0, 50), TimeSpan.FromSeconds(5));
        _fleet.Fly(Fleet.Offset(Fleet.Home, 0, 100), TimeSpan.FromSeconds(5));

        var drone = _fleet.Drone;
        Assert.Equal(DroneStatus.Airborne, drone.Status);
        Assert.Equal(Fleet.Offset(Fleet.Home, 0, 100), drone.Position);
        Assert.Equal(80, drone.AltitudeMetres);
        Assert.Equal(2, drone.Trail.Length);
    }

    [Theory]
    [InlineData(double.NaN, 31.22, "bad coordinates")]
    [InlineData(121.39, double.PositiveInfinity, "bad coordinates")]
    [InlineData(181.0, 31.22, "bad coordinates")]
    [InlineData(121.39, -91.0, "bad coordinates")]
    [InlineData(121.4737, 31.2304, "outside the operating area")]
    [InlineData(116.39, 39.9, "outside the operating area")]
    public void Bad_or_far_away_coordinates_are_refused(double lon, double lat, string reason)
    {
        _fleet.Time.Advance(TimeSpan.FromSeconds(1));
        var result = _fleet.Engine.RecordDroneTelemetry(_fleet.Report(new GeoPoint(lon, lat)));

        Assert.False(result.Accepted);
        Assert.Contains(reason, result.Reason);
        Assert.Null(_fleet.Drone.LastTelemetryAt);
        Assert.Equal(Fleet.Home, _fleet.Drone.Position);
    }

    [Fact]
    public void A_jump_faster_than_the_drone_can_fly_is_refused()
    {
        _fleet.Fly(Fleet.Home, TimeSpan.FromSeconds(1));
        var version = _fleet.Engine.Version;

        // 15 m/s top speed: 2 km in 10 s would be 200 m/s.
        _fleet.Time.Advance(TimeSpan.FromSeconds(10));
        var result = _fleet.Engine.RecordDroneTelemetry(_fleet.Report(Fleet.Offset(Fleet.Home, 0, 2000)));

        Assert.False(result.Accepted);
        Assert.Contains("impossible jump", result.Reason);
        Assert.Equal(Fleet.Home, _fleet.Drone.Position);
        Assert.Equal(version, _fleet.Engine.Version);
    }

    [Fact]
    public void The_same_distance_at_a_possible_speed_is_accepted()
    {
        _fleet.Fly(Fleet.Home, TimeSpan.FromSeconds(1));
        _fleet.Fly(Fleet.Offset(Fleet.Home, 0, 2000), TimeSpan.FromSeconds(150));

        Assert.Equal(Fleet.Offset(Fleet.Home, 0, 2000), _fleet.Drone.Position);
    }

    [Fact]
    public void Reports_out_of_order_or_repeated_are_refused()
    {
        _fleet.Fly(Fleet.Home, TimeSpan.FromSeconds(10));
        var last = _fleet.Drone.LastTelemetryAt!.Value;

        var repeated = _fleet.Engine.RecordDroneTelemetry(_fleet.Report(Fleet.Home) with { At = last });
        var older = _fleet.Engine.RecordDroneTelemetry(_fleet.Report(Fleet.Home) with { At = last.AddSeconds(-3) });

        Assert.False(repeated.Accepted);
        Assert.False(older.Accepted);
        Assert.Contains("not after its last report", older.Reason);
        Assert.Equal(last, _fleet.Drone.LastTelemetryAt);
    }

    [Fact]
    public void A_report_from_the_future_is_refused()
    {
        var result = _fleet.Engine.RecordDroneTelemetry(_fleet.Report(Fleet.Home) with { At = _fleet.Time.GetUtcNow().AddHours(1) });

        Assert.False(result.Accepted);
        Assert.Contains("ahead of the twin's clock", result.Reason);
    }

    [Theory]
    [InlineData(900, 10, 10, 50, 50, "altitude")]
    [InlineData(80, 360, 10, 50, 50, "heading")]
    [InlineData(80, -1, 10, 50, 50, "heading")]
    [InlineData(80, 10, 99, 50, 50, "speed")]
    [InlineData(80, 10, -2, 50, 50, "speed")]
    [InlineData(80, 10, 10, 101, 50, "battery")]
    [InlineData(80, 10, 10, 50, -5, "link quality")]
    [InlineData(double.NaN, 10, 10, 50, 50, "altitude")]
    public void Values_out_of_range_are_refused(double altitude, double heading, double speed, double battery, double link, string field)
    {
        _fleet.Time.Advance(TimeSpan.FromSeconds(1));
        var report = _fleet.Report(Fleet.Home) with
        {
            AltitudeMetres = altitude, HeadingDegrees = heading, SpeedMps = speed, BatteryPercent = battery, LinkPercent = link,
        };

        var result = _fleet.Engine.RecordDroneTelemetry(report);

        Assert.False(result.Accepted);
        Assert.Contains(field, result.Reason);
    }

    [Fact]
    public void An_unknown_drone_is_refused()
    {
        var result = _fleet.Engine.RecordDroneTelemetry(_fleet.Report(Fleet.Home) with { DroneId = "D-NOPE" });

        Assert.False(result.Accepted);
        Assert.Contains("Unknown drone", result.Reason);
    }

    [Fact]
    public void A_weak_link_or_silence_shows_the_link_as_lost_and_a_good_report_restores_it()
    {
        _fleet.Fly(Fleet.Offset(Fleet.Home, 0, 200), TimeSpan.FromSeconds(1), link: 4);
        Assert.Equal(DroneStatus.LinkLost, _fleet.Drone.Status);

        _fleet.Fly(Fleet.Offset(Fleet.Home, 0, 250), TimeSpan.FromSeconds(5));
        Assert.Equal(DroneStatus.Airborne, _fleet.Drone.Status);

        _fleet.Time.Advance(TimeSpan.FromSeconds(31));
        _fleet.Engine.Tick();
        Assert.Equal(DroneStatus.LinkLost, _fleet.Drone.Status);
        Assert.Contains(_fleet.Engine.DrainEvents(), e => e is DroneChanged { Drone.Status: DroneStatus.LinkLost });
    }

    [Fact]
    public void A_drone_on_its_dock_is_docked()
    {
        _fleet.Time.Advance(TimeSpan.FromSeconds(1));
        TestEngine.Accept(_fleet.Engine.RecordDroneTelemetry(_fleet.Report(Fleet.Home, altitude: 0, speed: 0)));

        Assert.Equal(DroneStatus.Docked, _fleet.Drone.Status);
    }
}
