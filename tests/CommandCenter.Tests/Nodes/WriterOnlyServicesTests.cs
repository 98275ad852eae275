using CommandCenter.Briefing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Twin.Data.Boundary;
using Twin.Domain.Briefing;
using Twin.Domain.Tickets;
using Twin.Domain.Time;

namespace CommandCenter.Tests.Nodes;

/// <summary>
/// With two or more nodes the timers that write run on the writer alone (docs/two-nodes.md): a
/// follower past 08:00 makes no daily briefing; the node makes it once it becomes the writer and
/// has answered what waited for it (<see cref="NodeRole.Settled"/>).
/// </summary>
public sealed class WriterOnlyServicesTests
{
    [Fact]
    public async Task A_follower_makes_no_daily_briefing_until_it_writes_and_has_answered_its_first_inbox_round()
    {
        // 08:30 on Wednesday 2 December in Shanghai: Tuesday's briefing is due.
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 0, 30, 0, TimeSpan.Zero));
        var briefings = new CountingBriefings();
        var role = new NodeRole();
        using var service = new DailyBriefingService(
            briefings, new TwinClock(time, time.GetUtcNow(), 1), time, Microsoft.Extensions.Options.Options.Create(new BriefingOptions()),
            NullLogger<DailyBriefingService>.Instance, role);
        await service.StartAsync(CancellationToken.None);

        for (var i = 0; i < 4; i++)
        {
            time.Advance(DailyBriefingService.Period);
            await Task.Delay(50);
        }

        Assert.Empty(briefings.Made);
        Assert.Null(service.KeptDay);

        // Writing, but its first inbox round (the callers who waited through the failover) not yet answered: still none.
        role.MarkWriting();
        for (var i = 0; i < 2; i++)
        {
            time.Advance(DailyBriefingService.Period);
            await Task.Delay(50);
        }

        Assert.Empty(briefings.Made);
        role.MarkSettled();
        await Support.Eventually.Until(() => service.KeptDay is not null, "the new writer makes the due briefing");
        Assert.Equal([new DateOnly(2026, 12, 1)], briefings.Made);
        await service.StopAsync(CancellationToken.None);
    }

    /// <summary>Counts the briefings asked for; the service asks for nothing else.</summary>
    private sealed class CountingBriefings : ITwinBriefings
    {
        public List<DateOnly> Made { get; } = [];

        public Task<bool> MakeDailyBriefingAsync(DateOnly day, CancellationToken ct = default)
        {
            lock (Made)
            {
                Made.Add(day);
            }

            return Task.FromResult(true);
        }

        public Task<DayVitals> GetDayVitalsAsync(DateOnly day, CancellationToken ct = default) => throw Unused();

        public Task<PeriodEvaluation> GetEvaluationAsync(BriefingPeriod period, CancellationToken ct = default) => throw Unused();

        public Task<DecisionItems> GetDecisionsAsync(CancellationToken ct = default) => throw Unused();

        public Task<(IReadOnlyList<TicketState> Tickets, int Total)> GetTicketsBehindAsync(
            BriefingPeriod period, TicketFacet facet, string key, int limit, CancellationToken ct = default) => throw Unused();

        public Task<IReadOnlyList<TicketState>> GetTicketsAsync(IReadOnlyList<string> ids, CancellationToken ct = default) => throw Unused();

        public Task<IReadOnlyList<DailyBriefingInfo>> ListDailyBriefingsAsync(CancellationToken ct = default) => throw Unused();

        public Task<DailyBriefing?> GetDailyBriefingAsync(DateOnly day, CancellationToken ct = default) => throw Unused();

        public Task<BriefingFigures> GetBriefingAsync(DateOnly day, BriefingPeriod period, CancellationToken ct = default) => throw Unused();

        private static InvalidOperationException Unused() => new("The daily briefing service asked for more than MakeDailyBriefingAsync.");
    }
}
