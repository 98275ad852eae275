using BenchmarkDotNet.Attributes;
using Twin.Domain.Alarms;
using Twin.Domain.Engine;
using Twin.Domain.Sensors;
using Twin.Domain.Simulation;
using Twin.Domain.Tickets;

namespace Twin.Benchmarks.VitalSigns;

/// <summary>
/// The five panels' figures as the wall gets them after every commit: <see cref="TwinEngine.Snapshot"/>
/// reads the engine's running counts (and copies its lists of sensors, tickets and alarms), on a twin
/// of 2,000 simulated sensors after two simulated hours plus 10,000 open tickets. Baseline: recounting
/// the panels' main figures from that same state in one pass, the least a snapshot without running
/// counts would cost.
/// </summary>
[MemoryDiagnoser]
public class VitalSignBenchmarks
{
    private const int Tickets = 10_000;
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    private TwinEngine _engine = null!;
    private TwinSnapshot _state = null!;

    [GlobalSetup]
    public void GlobalSetup()
    {
        var (map, catalogue, time, engine) = SimulatedTwin.Run(new DateTimeOffset(2026, 6, 10, 1, 0, 0, TimeSpan.Zero), TimeSpan.FromHours(2));
        _engine = engine;

        // Distinct wording per report, so that the duplicate check (一口派单) keeps them all open.
        var places = SensorFleet.Create(map, new SimulatorOptions { SensorCount = Tickets, Seed = 7 });
        var channels = Enum.GetValues<TicketChannel>();
        for (var i = 0; i < Tickets; i++)
        {
            var random = new Random(i);
            var title = string.Concat(Enumerable.Range(0, 8).Select(_ => (char)random.Next(0x4E00, 0x9FA5)));
            var result = _engine.Apply(new ReportTicketCommand(new TicketReport(
                $"T-BENCH-{i:D5}", channels[i % channels.Length], catalogue.Categories[i % catalogue.Categories.Count].Code, title, title,
                places[i].Location, "上海市普陀区", null, new Reporter("张三", "13800001234"), time.GetUtcNow().AddMinutes(-(i % 120)))));
            if (!result.Accepted)
            {
                throw new InvalidOperationException($"A bench ticket was refused: {result.Reason}");
            }
        }

        _state = _engine.Snapshot();
    }

    [Benchmark(Baseline = true)]
    public int RecountFromState()
    {
        var now = _state.At;
        var today = new DateTimeOffset(now.ToOffset(Shanghai).Date, Shanghai);
        int reportedToday = 0, closedToday = 0, open = 0, hotlineToday = 0;
        var categories = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var ticket in _state.Tickets)
        {
            if (ticket.ReportedAt >= today)
            {
                reportedToday++;
                if (ticket.Channel == TicketChannel.Hotline12345)
                {
                    hotlineToday++;
                    categories[ticket.CategoryCode] = categories.GetValueOrDefault(ticket.CategoryCode) + 1;
                }
            }

            if (ticket.ClosedAt >= today)
            {
                closedToday++;
            }

            if (ticket.Status.IsOpen())
            {
                open++;
            }
        }

        int online = 0, alarming = 0;
        foreach (var sensor in _state.Sensors)
        {
            online += sensor.Health is SensorHealth.Online or SensorHealth.LowBattery ? 1 : 0;
            alarming += sensor.ValueState == ValueState.Alarm ? 1 : 0;
        }

        int critical = 0, unacknowledged = 0;
        var oldestUnacknowledged = now;
        foreach (var alarm in _state.ActiveAlarms)
        {
            critical += alarm.Severity == AlarmSeverity.Critical ? 1 : 0;
            if (!alarm.IsAcknowledged)
            {
                unacknowledged++;
                oldestUnacknowledged = alarm.RaisedAt < oldestUnacknowledged ? alarm.RaisedAt : oldestUnacknowledged;
            }
        }

        var top = categories.OrderByDescending(p => p.Value).Take(5).Sum(p => p.Value);
        return reportedToday + closedToday + open + hotlineToday + online + alarming + critical + unacknowledged + top + (int)(now - oldestUnacknowledged).TotalSeconds;
    }

    [Benchmark]
    public Twin.Domain.Engine.VitalSigns Snapshot() => _engine.Snapshot().VitalSigns;
}
