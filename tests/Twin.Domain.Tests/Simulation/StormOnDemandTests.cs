using Microsoft.Extensions.Time.Testing;
using Twin.Domain.Alarms;
using Twin.Domain.Emergency;
using Twin.Domain.Engine;
using Twin.Domain.Simulation;

namespace Twin.Domain.Tests.Simulation;

/// <summary>The storm started in a running daily simulation (the admin's action) behaves as the typhoon scenario from that moment.</summary>
[Collection(SimulationCollection.Name)]
public sealed class StormOnDemandTests
{
    [Fact]
    public void A_storm_started_an_hour_into_a_daily_run_brings_the_warning_ten_minutes_later_and_proposes_but_never_switches()
    {
        var start = SimulatedDay.Start;
        var options = new SimulatorOptions { SensorCount = 200, TicketsPerDay = 200, AiEventsPerDay = 0 };
        var clock = new FakeTimeProvider(start);
        var engine = new TwinEngine(SimulationWorld.Map, SimulationWorld.Catalogue, clock);
        var simulator = new TwinSimulator(SimulationWorld.Map, SimulationWorld.Catalogue, SimulationWorld.Cameras, options, SimulationWorld.FloodControl.Points);
        var step = TimeSpan.FromMinutes(5);
        var from = start;

        void RunUntil(DateTimeOffset until)
        {
            for (; from < until; from += step)
            {
                clock.Advance(step);
                foreach (var command in simulator.Advance(from, from + step, engine.Snapshot()))
                {
                    engine.Apply(command);
                }

                engine.Apply(new TickCommand());
                engine.DrainEvents();
                engine.DrainChangedSensors();
            }
        }

        Assert.False(simulator.StartStorm(start), "nothing to start before the simulation has");
        RunUntil(start.AddHours(1));
        Assert.DoesNotContain(engine.Snapshot().ActiveAlarms, a => a.Source == AlarmSource.Cap);

        Assert.True(simulator.StartStorm(from));
        Assert.False(simulator.StartStorm(from), "a storm already runs");
        RunUntil(start.AddHours(1) + StormScenario.BlueWarningAt + step);

        var snapshot = engine.Snapshot();
        Assert.Contains(snapshot.ActiveAlarms, a => a.Source == AlarmSource.Cap && a.Kind == "台风蓝色预警");
        Assert.Contains(snapshot.Proposals, p => p is { Source: "cap", Type: EmergencyType.FloodTyphoon, Level: ResponseLevel.IV });
        Assert.False(snapshot.IsEmergency);
    }
}
