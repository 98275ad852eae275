using Microsoft.Extensions.Time.Testing;
using Twin.Domain.Briefing;
using Twin.Domain.Engine;
using Twin.Domain.Simulation;
using Twin.Domain.Tickets;

namespace Twin.Domain.Tests.Simulation;

public class ComplaintPlacesTests
{
    private static readonly DateTimeOffset Start = new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.FromHours(8)).ToUniversalTime();

    /// <summary>
    /// A simulated week at the default 1,500 tickets a day, judged by the briefing's own rule (the
    /// same category within 100 m, 3+ times in 7 days): the hot spots and the odd coincidence, a
    /// few dozen places a leader can read, not the hundreds that independent random points made.
    /// </summary>
    [Fact]
    public void A_simulated_week_has_a_few_dozen_repeated_complaint_places_not_hundreds()
    {
        var options = new SimulatorOptions { SensorCount = 50, BreachEpisodesPerDay = 0 };
        var clock = new FakeTimeProvider(Start);
        var engine = new TwinEngine(SimulationWorld.Map, SimulationWorld.Catalogue, clock, new EngineOptions { ProposeModes = false });
        var simulator = new TwinSimulator(SimulationWorld.Map, SimulationWorld.Catalogue, SimulationWorld.Cameras, options);
        var week = new List<TicketState>();
        for (var at = Start; at < Start.AddDays(7); at += TimeSpan.FromHours(1))
        {
            clock.SetUtcNow(at + TimeSpan.FromHours(1));
            foreach (var command in simulator.Advance(at, at + TimeSpan.FromHours(1), null).OfType<ReportTicketCommand>())
            {
                TestAccept(engine.Apply(command));
                week.Add(engine.FindTicket(command.Report.Id)!);
            }
        }

        var repeated = DecisionItems.Repeated(week);
        Assert.True(week.Count > 9_000, $"only {week.Count} reports in a week");
        var byCategory = string.Join(", ", repeated.CountBy(r => r.CategoryCode).Select(kv => $"{kv.Key} {kv.Value}"));
        Assert.True(repeated.Count is >= 12 and <= 60, $"{repeated.Count} places: {byCategory}");
        Assert.Contains(repeated, r => r.TicketIds.Count >= 5);
    }

    private static void TestAccept(InputResult result) => Assert.True(result.Accepted, result.Reason);
}
