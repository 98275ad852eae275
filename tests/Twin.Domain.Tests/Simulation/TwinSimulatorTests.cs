using Microsoft.Extensions.Time.Testing;
using Twin.Domain.Engine;
using Twin.Domain.Simulation;
using Twin.Domain.Tickets;

namespace Twin.Domain.Tests.Simulation;

[Collection(SimulationCollection.Name)]
public sealed class TwinSimulatorTests
{
    private static readonly DateTimeOffset Start = new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.FromHours(8)).ToUniversalTime();

    private static TwinSimulator NewSimulator(SimulatorOptions? options = null) =>
        new(SimulationWorld.Map, SimulationWorld.Catalogue, SimulationWorld.Cameras, options ?? new SimulatorOptions { SensorCount = 300 });

    private static List<TwinCommand> Run(TwinSimulator simulator, IEnumerable<TimeSpan> steps)
    {
        var commands = new List<TwinCommand>();
        var from = Start;
        foreach (var step in steps)
        {
            commands.AddRange(simulator.Advance(from, from + step, current: null));
            from += step;
        }

        return commands;
    }

    private static IEnumerable<TimeSpan> Steps(TimeSpan step, TimeSpan total) =>
        Enumerable.Repeat(step, (int)(total / step));

    [Fact]
    public void Same_seed_and_same_calls_give_the_same_commands()
    {
        var steps = Steps(TimeSpan.FromSeconds(20), TimeSpan.FromHours(2)).ToList();
        var first = Run(NewSimulator(), steps);
        var second = Run(NewSimulator(), steps);

        Assert.NotEmpty(first.OfType<ReportTicketCommand>());
        Assert.Equal(first, second);
    }

    [Fact]
    public void Another_seed_gives_other_commands()
    {
        var steps = Steps(TimeSpan.FromMinutes(1), TimeSpan.FromHours(1)).ToList();
        Assert.NotEqual(Run(NewSimulator(), steps), Run(NewSimulator(new SimulatorOptions { SensorCount = 300, Seed = 1 }), steps));
    }

    [Fact]
    public void Cutting_time_differently_gives_the_same_readings_tickets_and_status_changes()
    {
        var total = TimeSpan.FromHours(3);
        var fine = Run(NewSimulator(), Steps(TimeSpan.FromSeconds(15), total));
        var coarse = Run(NewSimulator(), Steps(TimeSpan.FromMinutes(9), total));

        Assert.Equal(fine, coarse);
    }

    [Fact]
    public void Commands_come_in_time_order()
    {
        var commands = Run(NewSimulator(), Steps(TimeSpan.FromMinutes(10), TimeSpan.FromHours(1)));
        var observedAt = commands.OfType<RecordObservationCommand>().Select(c => c.Observation.ObservedAt).ToList();
        Assert.Equal(observedAt.Order(), observedAt);
        Assert.IsType<RegisterSensorCommand>(commands[0]);
    }

    [Fact]
    public void An_advance_of_a_few_seconds_at_60x_is_cheap()
    {
        var simulator = NewSimulator(new SimulatorOptions());
        simulator.Advance(Start, Start.AddSeconds(1), current: null);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var from = Start.AddSeconds(1);
        var commands = 0;
        for (var i = 0; i < 50; i++)
        {
            // 200 ms of real time at 60× is 12 simulated seconds.
            commands += simulator.Advance(from, from.AddSeconds(12), current: null).Count;
            from = from.AddSeconds(12);
        }

        watch.Stop();
        Assert.True(commands > 20_000, $"{commands} commands");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"50 advances took {watch.Elapsed.TotalMilliseconds:0} ms");
    }

    [Fact]
    public void A_restarted_simulator_carries_on_against_a_restored_engine_without_refusals()
    {
        var options = new SimulatorOptions { SensorCount = 300 };
        var clock = new FakeTimeProvider(Start);
        var engine = new TwinEngine(SimulationWorld.Map, SimulationWorld.Catalogue, clock);
        var refusals = new List<string>();

        void Drive(TwinSimulator simulator, DateTimeOffset from, TimeSpan total)
        {
            for (var at = from; at < from + total; at += TimeSpan.FromMinutes(2))
            {
                clock.SetUtcNow(at + TimeSpan.FromMinutes(2));
                foreach (var command in simulator.Advance(at, at + TimeSpan.FromMinutes(2), engine.Snapshot()))
                {
                    if (engine.Apply(command) is { Accepted: false } result)
                    {
                        refusals.Add(result.Reason!);
                    }
                }

                engine.Apply(new TickCommand());
            }
        }

        Drive(NewSimulator(options), Start, TimeSpan.FromHours(2));
        var openBefore = engine.Snapshot().Tickets.Count(t => t.Status.IsOpen());

        // Same seed after a restart: same sensor ids, same ticket numbering — all must carry on.
        Drive(NewSimulator(options), Start.AddHours(2), TimeSpan.FromHours(2));

        Assert.Empty(refusals);
        Assert.True(openBefore > 0);
        Assert.Contains(engine.Snapshot().Tickets, t => t.Id.EndsWith("-000001", StringComparison.Ordinal) && t.Status > TicketStatus.Discovered);
    }

    [Fact]
    public void Status_changes_a_duty_officer_already_made_are_not_repeated()
    {
        var options = new SimulatorOptions { SensorCount = 300 };
        var clock = new FakeTimeProvider(Start);
        var engine = new TwinEngine(SimulationWorld.Map, SimulationWorld.Catalogue, clock);
        var simulator = NewSimulator(options);
        var refusals = new List<string>();
        for (var at = Start; at < Start.AddHours(3); at += TimeSpan.FromMinutes(1))
        {
            clock.SetUtcNow(at + TimeSpan.FromMinutes(1));
            foreach (var command in simulator.Advance(at, at + TimeSpan.FromMinutes(1), engine.Snapshot()))
            {
                if (engine.Apply(command) is { Accepted: false } result)
                {
                    refusals.Add(result.Reason!);
                }
            }

            // The officer closes every fresh ticket by hand as soon as it appears.
            foreach (var ticket in engine.Snapshot().Tickets.Where(t => t.Status == TicketStatus.Discovered))
            {
                Assert.True(engine.ChangeTicketStatus(ticket.Id, TicketStatus.Closed, "值班员01").Accepted);
            }
        }

        Assert.Empty(refusals);
    }

    [Fact]
    public void Invalid_options_are_refused()
    {
        Assert.Throws<ArgumentException>(() => NewSimulator(new SimulatorOptions { SensorReportSecondsMin = 60, SensorReportSecondsMax = 10 }));
        Assert.Throws<ArgumentException>(() => NewSimulator(new SimulatorOptions { SensorCount = 3 }));
    }
}
