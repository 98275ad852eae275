using Twin.Data.History;
using Twin.Data.Tests.Support;
using Twin.Domain.Engine;
using Twin.Domain.Simulation;
using Twin.Domain.Time;
using Xunit.Abstractions;

namespace Twin.Data.Tests.History;

public sealed class WarmStartTests(ITestOutputHelper output)
{
    /// <summary>A Friday afternoon, so that the month behind it holds four weekends.</summary>
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 7, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task Same_seed_writes_the_same_month()
    {
        var first = await WarmAsync(days: 2);
        var second = await WarmAsync(days: 2);

        Assert.True(first.Tickets > 2 * 1000, $"{first.Tickets} tickets in 2 days");
        Assert.Equal(first.Counts, second.Counts);
        Assert.Equal(100, first.FirstIds.Count);
        Assert.Equal(first.FirstIds, second.FirstIds);
    }

    [Fact]
    public async Task The_engine_rebuilt_after_a_warm_start_shows_the_stored_month()
    {
        using var database = new TempDatabase();
        await using var store = database.CreateStore();
        await store.InitializeAsync();
        var options = new SimulatorOptions { HistoryDays = 2 };
        var progress = new List<WarmStartProgress>();
        await new WarmStart(TestDistrict.Map, TestDistrict.Catalogue, TestDistrict.Cameras, options)
            .RunAsync(store, Now, new SynchronousProgress(progress));

        var engine = new TwinEngine(TestDistrict.Map, TestDistrict.Catalogue, new SteppedClock(Now));
        engine.Restore(await store.LoadRestoreStateAsync(Now));
        var signs = engine.Snapshot().VitalSigns;

        // Brute force: every stored ticket and alarm read back and counted here.
        var today = ShanghaiClock.StartOfDay(Now);
        var tickets = ReadTickets(database);
        Assert.Equal(tickets.Count(t => t.Status < 5), signs.Pulse.Backlog);
        Assert.Equal(tickets.Count(t => t.ReportedAt >= today), signs.Pulse.TicketsToday);
        Assert.Equal(tickets.Count(t => t.ClosedAt >= today), signs.Pulse.ClosedToday);
        Assert.Equal(tickets.Count(t => t.ReportedAt >= today && t.Channel == "Hotline12345"), signs.Voice.HotlineToday);
        Assert.Equal(
            tickets.Count(t => t.ReportedAt >= today.AddDays(-1) && t.ReportedAt < Now.AddDays(-1) && t.Channel == "Hotline12345"),
            signs.Voice.HotlineSameTimeYesterday);
        Assert.Equal(database.Scalar("SELECT COUNT(*) FROM alarms WHERE cleared_at IS NULL"), signs.Alerts.Active);
        Assert.True(signs.Pulse.ClosedToday > 100 && signs.Voice.HotlineSameTimeYesterday > 50, "a morning's real figures at once");

        // The on-time share holds near the simulator's 8 % overdue share, since nothing was late for lack of machine time.
        var closed = tickets.Where(t => t.ClosedAt is not null).ToList();
        var onTime = closed.Count(t => t.OverdueSteps == 0) / (double)closed.Count;
        Assert.InRange(onTime, 0.88, 0.96);
        Assert.Equal(WarmStartStage.Done, progress[^1].Stage);
        Assert.True(progress.Count > 4 && progress.Zip(progress.Skip(1)).All(p => p.First.Fraction <= p.Second.Fraction), "progress moves forward");
    }

    private static List<(string Channel, int Status, DateTimeOffset ReportedAt, DateTimeOffset? ClosedAt, int OverdueSteps)> ReadTickets(TempDatabase database)
    {
        var statuses = Enum.GetNames<Twin.Domain.Tickets.TicketStatus>();
        using var connection = database.OpenRaw();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT channel, status, reported_at, closed_at, overdue_steps FROM tickets";
        using var reader = command.ExecuteReader();
        var result = new List<(string, int, DateTimeOffset, DateTimeOffset?, int)>();
        while (reader.Read())
        {
            result.Add((
                reader.GetString(0),
                Array.IndexOf(statuses, reader.GetString(1)),
                new DateTimeOffset(reader.GetInt64(2), TimeSpan.Zero),
                reader.IsDBNull(3) ? null : new DateTimeOffset(reader.GetInt64(3), TimeSpan.Zero),
                reader.GetInt32(4)));
        }

        return result;
    }

    /// <summary>Records every report on the reporting thread (<see cref="Progress{T}"/> would post them later).</summary>
    private sealed class SynchronousProgress(List<WarmStartProgress> reports) : IProgress<WarmStartProgress>
    {
        public void Report(WarmStartProgress value) => reports.Add(value);
    }

    private async Task<(int Tickets, string Counts, IReadOnlyList<string> FirstIds)> WarmAsync(int days)
    {
        using var database = new TempDatabase();
        await using var store = database.CreateStore();
        await store.InitializeAsync();
        var options = new SimulatorOptions { HistoryDays = days };
        var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        var result = await new WarmStart(TestDistrict.Map, TestDistrict.Catalogue, TestDistrict.Cameras, options).RunAsync(store, Now);
        output.WriteLine($"{days} days: {result}; CPU {System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu}");
        var counts = string.Join(", ", new[] { "tickets", "ticket_history", "alarms", "alarm_history", "observations", "sensors" }
            .Select(t => $"{t}={database.Scalar($"SELECT COUNT(*) FROM {t}")}"));
        output.WriteLine(counts);
        using var connection = database.OpenRaw();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id FROM tickets ORDER BY reported_at, id LIMIT 100";
        var ids = new List<string>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                ids.Add(reader.GetString(0));
            }
        }

        return (result.Tickets, counts, ids);
    }
}
