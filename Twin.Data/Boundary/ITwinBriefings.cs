using Twin.Domain.Briefing;
using Twin.Domain.Tickets;

namespace Twin.Data.Boundary;

/// <summary>
/// The leaders' figures (辅助决策, 结案问效), counted from the store for any day or period: what
/// the briefing page, its exports and the daily briefing read. Reporters are masked as everywhere.
/// </summary>
public interface ITwinBriefings
{
    /// <summary>今日城市体征 of <paramref name="day"/> (Shanghai), up to now when it is today.</summary>
    Task<DayVitals> GetDayVitalsAsync(DateOnly day, CancellationToken ct = default);

    /// <summary>评效 of the reports of <paramref name="period"/> against the period before.</summary>
    Task<PeriodEvaluation> GetEvaluationAsync(BriefingPeriod period, CancellationToken ct = default);

    /// <summary>需要决策的事项 now.</summary>
    Task<DecisionItems> GetDecisionsAsync(CancellationToken ct = default);

    /// <summary>The reports of <paramref name="period"/> behind one figure (newest first, at most <paramref name="limit"/>), and how many there are.</summary>
    Task<(IReadOnlyList<TicketState> Tickets, int Total)> GetTicketsBehindAsync(
        BriefingPeriod period, TicketFacet facet, string key, int limit, CancellationToken ct = default);

    /// <summary>The stored tickets with these ids (any age), in the order given; unknown ids are left out.</summary>
    Task<IReadOnlyList<TicketState>> GetTicketsAsync(IReadOnlyList<string> ids, CancellationToken ct = default);

    /// <summary>
    /// Makes and keeps the briefing of <paramref name="day"/> (its vital signs, its 评效 as a day, the
    /// decisions now) unless one is kept: true when this call kept it. Kept briefings never change.
    /// </summary>
    Task<bool> MakeDailyBriefingAsync(DateOnly day, CancellationToken ct = default);

    /// <summary>The kept daily briefings, newest day first (without their figures).</summary>
    Task<IReadOnlyList<DailyBriefingInfo>> ListDailyBriefingsAsync(CancellationToken ct = default);

    /// <summary>A kept daily briefing with its figures as they were made; null when none was kept for the day.</summary>
    Task<DailyBriefing?> GetDailyBriefingAsync(DateOnly day, CancellationToken ct = default);

    /// <summary>The three together: a day's vital signs, a period's 评效 and the decisions now.</summary>
    Task<BriefingFigures> GetBriefingAsync(DateOnly day, BriefingPeriod period, CancellationToken ct = default);
}

/// <summary>A kept daily briefing: its day, when it was made and the SHA-256 of what was kept.</summary>
public sealed record DailyBriefingInfo(DateOnly Day, DateTimeOffset GeneratedAt, string Sha256);

/// <summary>A kept daily briefing's figures; <see cref="Intact"/> when its content still hashes to the kept SHA-256.</summary>
public sealed record DailyBriefing(DailyBriefingInfo Info, BriefingFigures Figures, bool Intact);
