using Microsoft.Extensions.Time.Testing;
using Twin.Domain.Alarms;
using Twin.Domain.Drones;
using Twin.Domain.Engine;
using Twin.Domain.Tests.Support;

namespace Twin.Domain.Tests.Drones;

public sealed class DroneSimulatorTests
{
    private readonly FakeTimeProvider _time;
    private readonly TwinEngine _engine;
    private readonly DroneSimulator _simulator;
    private readonly List<InputResult> _results = [];
    private readonly List<TwinCommand> _commands = [];
    private DateTimeOffset _from;

    public DroneSimulatorTests()
    {
        (_engine, _time) = TestEngine.Create();
        _simulator = new DroneSimulator(TestGeo.Putuo, _engine.OperatingArea, Fleet.Routes, 3, 7);
        _from = _time.GetUtcNow();
    }

    [Fact]
    public void The_fleet_takes_off_patrols_the_creek_and_every_report_is_accepted()
    {
        Run(TimeSpan.FromMinutes(5));

        var drones = _engine.Snapshot().Drones;
        Assert.Equal(3, drones.Length);
        Assert.All(drones, d => Assert.NotEqual(DroneStatus.Docked, d.Status));
        Assert.All(drones, d => Assert.True(d.Trail.Length > 5, $"{d.Id} has a trail of {d.Trail.Length}"));
        Assert.All(drones, d => Assert.True(TestGeo.Putuo.DistanceToCreekMetres(d.Position) < 300, $"{d.Id} left the creek"));
        Assert.All(drones, d => Assert.True(d.BatteryPercent < 100));
        Assert.All(_results, r => Assert.True(r.Accepted, r.Reason));
        Assert.Equal(3, _engine.Snapshot().Missions.Count(m => m.Kind == MissionKind.Patrol && m.Status == MissionStatus.Flying));
    }

    [Fact]
    public void Patrols_end_on_the_dock_and_batteries_charge_before_the_next()
    {
        Run(TimeSpan.FromHours(2));

        Assert.All(_results, r => Assert.True(r.Accepted, r.Reason));
        // Return-to-home keeps a reserve: no drone comes home nearly empty.
        Assert.All(_engine.Snapshot().Drones, d => Assert.InRange(d.BatteryPercent, 10, 100));
        Assert.All(_results.Zip(_commands), r => Assert.True(r.First.Accepted, r.First.Reason));
        Assert.All(_commands.OfType<RecordDroneTelemetryCommand>(), c => Assert.True(c.Telemetry.BatteryPercent >= 10, $"{c.Telemetry.DroneId} flew down to {c.Telemetry.BatteryPercent} %"));
        Assert.True(_commands.OfType<PlanMissionCommand>().Count() >= 6, "each drone should fly several patrols in two hours");
    }

    [Fact]
    public void The_nearest_drone_flies_to_a_new_critical_alarm_in_the_corridor()
    {
        Run(TimeSpan.FromMinutes(2));
        var creekSide = Fleet.Routes[1].Points[10];
        TestEngine.Accept(_engine.RaiseAiVideoAlarm(new AiVideoEvent("CAM-1", "thrown-object", "高空抛物", creekSide, AlarmSeverity.Critical, _time.GetUtcNow())));
        var alarm = _engine.Snapshot().ActiveAlarms.Single();

        Run(TimeSpan.FromSeconds(2));
        var flight = Assert.Single(_engine.Snapshot().Missions, m => m.Kind == MissionKind.AlarmFlight);
        Assert.Equal(alarm.Id, flight.TargetId);
        Assert.Equal(MissionStatus.Flying, flight.Status);

        Run(TimeSpan.FromMinutes(8));
        Assert.All(_results, r => Assert.True(r.Accepted, r.Reason));
        var log = _engine.DrainEvents().OfType<MissionChanged>().Where(m => m.Mission.Id == flight.Id).Select(m => m.Mission.Status).ToList();
        Assert.Contains(MissionStatus.OnStation, log);
    }

    [Fact]
    public void Every_drone_that_turns_back_says_why_and_a_return_for_battery_gives_its_figures()
    {
        // Alarms at the far ends of the creek keep the drones flying out and hovering, so batteries run low.
        for (var i = 0; i < 40; i++)
        {
            Run(TimeSpan.FromMinutes(2));
            var route = Fleet.Routes[i % Fleet.Routes.Count].Points;
            var far = route.Where(TestGeo.Putuo.Contains).MaxBy(p => Geodesy.DistanceMetres(p, route[0]));
            TestEngine.Accept(_engine.RaiseAiVideoAlarm(new AiVideoEvent($"CAM-{i}", "thrown-object", "高空抛物", far, AlarmSeverity.Critical, _time.GetUtcNow())));
        }

        Run(TimeSpan.FromMinutes(10));

        var returns = _commands.OfType<ChangeMissionStatusCommand>().Where(c => c.To == MissionStatus.Returning).ToList();
        Assert.NotEmpty(returns);
        Assert.All(returns, r => Assert.False(string.IsNullOrWhiteSpace(r.Note), $"mission {r.MissionId} turned back without a reason"));
        var forBattery = returns.Where(r => r.Note!.StartsWith("电量低返航", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(forBattery);
        Assert.All(forBattery, r => Assert.Matches(@"剩余\d+%，返航\d+米需\d+%，另留15%余量", r.Note));
        Assert.Contains(_engine.DrainEvents().OfType<MissionChanged>(), m => m.Mission.Status == MissionStatus.Returning && m.Mission.Note!.StartsWith("电量低返航", StringComparison.Ordinal));
    }

    private void Run(TimeSpan duration)
    {
        var end = _time.GetUtcNow() + duration;
        while (_time.GetUtcNow() < end)
        {
            _time.Advance(TimeSpan.FromMilliseconds(500));
            var to = _time.GetUtcNow();
            foreach (var command in _simulator.Advance(_from, to, _engine.Snapshot(), Fleet.Routes).ToList())
            {
                _commands.Add(command);
                _results.Add(_engine.Apply(command));
            }

            if (to.Second % 5 == 0 && to.Millisecond == 0)
            {
                _engine.Tick();
            }

            _from = to;
        }
    }
}
