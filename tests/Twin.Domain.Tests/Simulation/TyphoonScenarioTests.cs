using Microsoft.Extensions.Time.Testing;
using Twin.Domain.Alarms;
using Twin.Domain.Emergency;
using Twin.Domain.Engine;
using Twin.Domain.Sensors;
using Twin.Domain.Simulation;

namespace Twin.Domain.Tests.Simulation;

/// <summary>Six hours of the typhoon scenario, driven as the host drives it.</summary>
[Collection(SimulationCollection.Name)]
public sealed class TyphoonScenarioTests
{
    private static readonly Lazy<StormRun> Run = new(() => new StormRun());

    [Fact]
    public void The_cap_warning_and_the_gauges_propose_flood_control_but_the_mode_stays_daily()
    {
        var run = Run.Value;
        Assert.False(run.Final.IsEmergency);
        Assert.Contains(run.Proposals, p => p is { Source: "cap", Type: EmergencyType.FloodTyphoon, Level: ResponseLevel.IV });
        Assert.Contains(run.Proposals, p => p is { Source: "cap", Type: EmergencyType.FloodTyphoon, Level: ResponseLevel.III });
        Assert.Contains(run.Final.ActiveAlarms, a => a.Source == AlarmSource.Cap && a.Kind == "台风黄色预警");
        Assert.DoesNotContain(run.Final.ActiveAlarms, a => a.Kind == "台风蓝色预警");
        Assert.Empty(run.Refusals);
    }

    [Fact]
    public void Rain_and_the_creek_rise_and_waterlogging_is_reported_at_the_waterlogging_points()
    {
        var run = Run.Value;
        Assert.True(run.MaxReading[SensorKind.RainGauge] > StormScenario.WaterloggingRain, $"rain peaked at {run.MaxReading[SensorKind.RainGauge]}");
        Assert.True(run.MaxReading[SensorKind.CreekWaterLevel] > SensorFleet.ProfileOf(SensorKind.CreekWaterLevel).Thresholds.Alarm);

        var points = SimulationWorld.FloodControl.Points.Select(p => p.Location).ToHashSet();
        var flooded = run.Final.Tickets.Where(t => t.CategoryCode == "waterlogging").ToList();
        Assert.True(flooded.Count >= 5, $"{flooded.Count} waterlogging reports");
        Assert.All(flooded, t => Assert.Contains(t.Location, points));
        Assert.Contains(flooded, t => t.Title.Contains("下立交", StringComparison.Ordinal));
    }

    private sealed class StormRun
    {
        public StormRun()
        {
            var start = SimulatedDay.Start;
            var options = new SimulatorOptions { SensorCount = 200, Scenario = StormScenario.Name, TicketsPerDay = 200, AiEventsPerDay = 0 };
            var clock = new FakeTimeProvider(start);
            var engine = new TwinEngine(SimulationWorld.Map, SimulationWorld.Catalogue, clock);
            var simulator = new TwinSimulator(SimulationWorld.Map, SimulationWorld.Catalogue, SimulationWorld.Cameras, options, SimulationWorld.FloodControl.Points);
            var step = TimeSpan.FromMinutes(5);
            for (var from = start; from < start.AddHours(6); from += step)
            {
                clock.Advance(step);
                foreach (var command in simulator.Advance(from, from + step, engine.Snapshot()))
                {
                    var result = engine.Apply(command);
                    if (!result.Accepted)
                    {
                        Refusals.Add($"{command.GetType().Name}: {result.Reason}");
                    }

                    if (command is RecordObservationCommand { Observation: var o })
                    {
                        var kind = simulator.Sensors.First(s => s.Id == o.SensorId).Kind;
                        MaxReading[kind] = Math.Max(MaxReading.GetValueOrDefault(kind), o.Value);
                    }
                }

                engine.Apply(new TickCommand());
                Proposals.AddRange(engine.DrainEvents().OfType<ModeProposalChanged>().Select(e => e.Proposal).Where(p => p.Status == ProposalStatus.Open));
                engine.DrainChangedSensors();
            }

            Final = engine.Snapshot();
        }

        public List<string> Refusals { get; } = [];

        public List<ModeProposal> Proposals { get; } = [];

        public Dictionary<SensorKind, double> MaxReading { get; } = [];

        public TwinSnapshot Final { get; }
    }
}
