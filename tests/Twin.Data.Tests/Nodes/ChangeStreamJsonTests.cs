using System.Text;
using Twin.Data.Nodes;
using Twin.Data.Pipeline;
using Twin.Data.Tests.Support;
using Twin.Domain.Drones;
using Twin.Domain.Engine;
using Twin.Domain.Geography;
using Twin.Domain.Sensors;

namespace Twin.Data.Tests.Nodes;

/// <summary>
/// A committed change set as the writer streams it to the followers' screens (docs/two-nodes.md): what their maps draw
/// arrives as committed, in order, in notifications PostgreSQL accepts (under 8000 bytes), and no caller's details travel.
/// </summary>
public sealed class ChangeStreamJsonTests
{
    [Fact]
    public void A_batchs_readings_cases_and_alarms_arrive_as_committed_and_nothing_the_map_does_not_draw()
    {
        var engine = Scenario.Engine(Scenario.Clock());
        var now = engine.Now;
        Apply(engine, new RegisterSensorCommand(Scenario.Sensor("N-1", SensorKind.Noise)));
        Apply(engine, new RecordObservationCommand(new Observation("N-1", 95, now)));
        Apply(engine, new ReportTicketCommand(Scenario.Ticket("T-1", now)));
        var committed = new TwinChangeSet(4, engine.DrainEvents(), engine.DrainChangedSensors());
        Assert.Contains(committed.Events, e => e is SensorRegistered);

        var payload = Assert.Single(ChangeStreamJson.Write(committed));
        var read = ChangeStreamJson.Read(payload);

        Assert.Equal(95, Assert.Single(read.ChangedSensors).LastValue);
        Assert.Equal(committed.ChangedSensors, read.ChangedSensors);
        var ticket = Assert.Single(read.Events.OfType<TicketChanged>());
        Assert.Equal(committed.Events.OfType<TicketChanged>().Single(), ticket);
        var alarm = Assert.Single(read.Events.OfType<AlarmChanged>());
        Assert.Equal(("N-1", AlarmChange.Raised), (alarm.Alarm.SourceId, alarm.Change));
        Assert.DoesNotContain(read.Events, e => e is SensorRegistered);
        Assert.False(read.IsReset);
        Assert.DoesNotContain("13812345678", payload, StringComparison.Ordinal);
        Assert.DoesNotContain("张三丰", payload, StringComparison.Ordinal);
        Assert.Contains("夜间施工噪声扰民", payload, StringComparison.Ordinal);
    }

    [Fact]
    public void A_large_batch_travels_in_notifications_under_postgresqls_limit_in_the_order_committed()
    {
        var engine = Scenario.Engine(Scenario.Clock());
        for (var i = 0; i < 300; i++)
        {
            Apply(engine, new RegisterSensorCommand(Scenario.Sensor($"WL-{i:000}", SensorKind.CreekWaterLevel, i)));
        }

        var committed = new TwinChangeSet(1, engine.DrainEvents(), engine.DrainChangedSensors());

        var payloads = ChangeStreamJson.Write(committed);

        Assert.True(payloads.Count > 1, $"{payloads.Count} payload(s)");
        Assert.All(payloads, p => Assert.InRange(Encoding.UTF8.GetByteCount(p), 1, ChangeStreamJson.MaxPayloadBytes));
        Assert.Equal(committed.ChangedSensors, payloads.Select(ChangeStreamJson.Read).SelectMany(s => s.ChangedSensors));
    }

    [Fact]
    public void A_change_too_large_for_a_notification_is_left_to_the_followers_reload_and_the_rest_travels()
    {
        var engine = Scenario.Engine(Scenario.Clock());
        Apply(engine, new ReportTicketCommand(Scenario.Ticket("T-LONG", engine.Now)));
        Apply(engine, new ReportTicketCommand(Scenario.Ticket("T-SHORT", engine.Now, placement: 1)));
        var events = engine.DrainEvents().ToList();
        var index = events.FindIndex(e => e is TicketChanged { Ticket.Id: "T-LONG" });
        var filed = (TicketChanged)events[index];
        events[index] = filed with { Ticket = filed.Ticket with { Description = new string('河', 3_000) } };

        var read = ChangeStreamJson.Write(new TwinChangeSet(2, events, [])).Select(ChangeStreamJson.Read).ToList();

        Assert.Equal(["T-SHORT"], read.SelectMany(s => s.Events).OfType<TicketChanged>().Select(e => e.Ticket.Id).Distinct());
    }

    [Fact]
    public void A_drones_move_with_its_whole_trail_and_its_mission_travel_so_a_followers_fleet_moves_with_the_writers()
    {
        var clock = Scenario.Clock();
        var engine = Scenario.Engine(clock);
        var home = Scenario.Point(0);
        Apply(engine, new RegisterDroneCommand(new DroneDefinition("D-01", "经纬 M350 RTK", home, 15)));
        Apply(engine, new ReportTicketCommand(Scenario.Ticket("T-D1", engine.Now)));
        Apply(engine, new PlanMissionCommand(new MissionPlan("D-01", MissionKind.TicketFlight, "值班员", TargetId: "T-D1")));
        void Fly(int step)
        {
            clock.Advance(TimeSpan.FromSeconds(5));
            Apply(engine, new RecordDroneTelemetryCommand(new DroneTelemetry(
                "D-01", clock.GetUtcNow(), new GeoPoint(home.Lon + step * 0.000_3, home.Lat + step * 0.000_1), 60, 0, 6, 90, 88)));
        }

        for (var step = 1; step <= 80; step++)
        {
            Fly(step);
        }

        engine.DrainEvents();
        Fly(81);
        var missionId = engine.FindDrone("D-01")!.MissionId!;
        Apply(engine, new ChangeMissionStatusCommand(missionId, MissionStatus.Flying, "值班员"));
        var committed = new TwinChangeSet(7, engine.DrainEvents(), engine.DrainChangedSensors());

        var payload = Assert.Single(ChangeStreamJson.Write(committed));
        var read = ChangeStreamJson.Read(payload);

        var moved = Assert.Single(read.Events.OfType<DroneChanged>());
        var flown = engine.FindDrone("D-01")!;
        Assert.Equal(flown, moved.Drone with { Trail = flown.Trail });
        Assert.Equal(flown.Trail.ToArray(), moved.Drone.Trail.ToArray());
        Assert.Equal(60, moved.Drone.Trail.Length);
        Assert.Equal(MissionStatus.Flying, Assert.Single(read.Events.OfType<MissionChanged>()).Mission.Status);
        var bytes = Encoding.UTF8.GetByteCount(payload);
        Assert.True(bytes < ChangeStreamJson.MaxPayloadBytes / 2, $"{bytes} bytes: two drones' moves must fit in one notification");
    }

    private static void Apply(TwinEngine engine, TwinCommand command)
    {
        var result = engine.Apply(command);
        Assert.True(result.Accepted, result.Reason);
    }
}
