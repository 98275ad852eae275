using Twin.Data.History;
using Twin.Data.Store;
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
        var first = await WarmAsync(days: 3);
        var second = await WarmAsync(days: 3);

        Assert.True(first.Tickets > 3 * 1000, $"{first.Tickets} tickets in 3 days");
        Assert.Equal(first.Counts, second.Counts);
        Assert.Equal(100, first.FirstIds.Count);
        Assert.Equal(first.FirstIds, second.FirstIds);
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
