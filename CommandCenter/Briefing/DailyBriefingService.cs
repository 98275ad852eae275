using Microsoft.Extensions.Options;
using Twin.Data.Boundary;
using Twin.Domain.Time;

namespace CommandCenter.Briefing;

/// <summary>
/// Makes the day before's briefing once the twin's clock passes <c>Twin:Briefing:DailyAt</c>
/// (08:00 Shanghai): it looks every <see cref="Period"/> and asks the store, which keeps one a day,
/// so a restart at 08:00 finds the briefing made and makes none. Only the latest due day is made
/// (a start before 08:00 makes the day before yesterday's if it is missing); older missed days are
/// not: a briefing says what was known on the morning after its day. With two or more nodes only
/// the writer makes it (it waits for <see cref="NodeRole.Settled"/>; docs/two-nodes.md), so two
/// nodes never race to keep the same day.
/// </summary>
public sealed class DailyBriefingService(
    ITwinBriefings briefings,
    TwinClock clock,
    TimeProvider realTime,
    IOptions<BriefingOptions> options,
    ILogger<DailyBriefingService> logger,
    NodeRole role) : BackgroundService
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(30);

    /// <summary>The latest day whose briefing this process made or found kept (for health and tests).</summary>
    public DateOnly? KeptDay { get; private set; }

    /// <summary>The day whose briefing is due at <paramref name="now"/>: yesterday from the hour on, the day before until then.</summary>
    public static DateOnly DueDay(DateTimeOffset now, TimeOnly at)
    {
        var local = ShanghaiClock.ToLocal(now);
        var today = DateOnly.FromDateTime(local.DateTime);
        return TimeOnly.FromDateTime(local.DateTime) >= at ? today.AddDays(-1) : today.AddDays(-2);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await role.Settled.WaitAsync(stoppingToken);
        using var timer = new PeriodicTimer(Period, realTime);
        do
        {
            var due = DueDay(clock.GetUtcNow(), options.Value.DailyTime);
            if (due == KeptDay)
            {
                continue;
            }

            try
            {
                if (await briefings.MakeDailyBriefingAsync(due, stoppingToken))
                {
                    logger.LogInformation("Daily briefing of {Day} kept.", due);
                }

                KeptDay = due;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The next look tries again; the store keeps at most one a day whatever happens.
                logger.LogError(ex, "The daily briefing of {Day} could not be made.", due);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
