using System.Security.Cryptography;
using System.Text.Json;
using Twin.Data.Store;
using Twin.Domain.Briefing;
using Twin.Domain.Tickets;

namespace Twin.Data.Boundary;

/// <summary><see cref="ITwinBriefings"/> over the store, at the twin's time (<paramref name="clock"/>), once the store is migrated.</summary>
public sealed class TwinBriefings(TwinStore store, TwinReadiness readiness, TimeProvider clock) : ITwinBriefings
{
    public async Task<DayVitals> GetDayVitalsAsync(DateOnly day, CancellationToken ct = default)
    {
        await readiness.Ready.WaitAsync(ct);
        var now = clock.GetUtcNow();
        var from = BriefingPeriod.StartOf(DayVitals.FirstDayRead(day));
        var to = BriefingPeriod.StartOf(day.AddDays(1));
        var tickets = await store.ReadTicketsMovedAsync(from, to, ct);
        var alarms = await store.ReadAlarmsAsync(from, to, andActive: false, ct);
        var first = await store.ReadFirstReportAsync(ct);
        return DayVitals.Count(day, now, first is { } f ? BriefingPeriod.DayOf(f) : null, tickets, alarms);
    }

    public async Task<PeriodEvaluation> GetEvaluationAsync(BriefingPeriod period, CancellationToken ct = default)
    {
        await readiness.Ready.WaitAsync(ct);
        var previous = period.Previous();
        var current = await store.ReadTicketsReportedAsync(period.From, period.To, ct);
        var before = await store.ReadTicketsReportedAsync(previous.From, previous.To, ct);
        var departments = await store.ReadDepartmentsAsync(
            current.Concat(before).Where(t => t.Status == TicketStatus.Merged && t.MergedIntoId is not null).Select(t => t.MergedIntoId!).ToList(), ct);
        return PeriodEvaluation.Of(period, current, before, id => departments.GetValueOrDefault(id));
    }

    public async Task<(IReadOnlyList<TicketState> Tickets, int Total)> GetTicketsBehindAsync(
        BriefingPeriod period, TicketFacet facet, string key, int limit, CancellationToken ct = default)
    {
        await readiness.Ready.WaitAsync(ct);
        var reports = await store.ReadTicketsReportedAsync(period.From, period.To, ct);
        var departments = facet == TicketFacet.Department
            ? await store.ReadDepartmentsAsync(reports.Where(t => t.MergedIntoId is not null).Select(t => t.MergedIntoId!).ToList(), ct)
            : new Dictionary<string, string?>();
        var behind = reports.Where(t => facet.Holds(key, t, id => departments.GetValueOrDefault(id))).ToList();
        return (behind.OrderByDescending(t => t.ReportedAt).ThenBy(t => t.Id, StringComparer.Ordinal).Take(limit).ToList(), behind.Count);
    }

    public async Task<IReadOnlyList<TicketState>> GetTicketsAsync(IReadOnlyList<string> ids, CancellationToken ct = default)
    {
        await readiness.Ready.WaitAsync(ct);
        var found = (await store.ReadTicketsAsync(ids, ct)).ToDictionary(t => t.Id, StringComparer.Ordinal);
        return ids.Where(found.ContainsKey).Select(id => found[id]).ToList();
    }

    public async Task<DecisionItems> GetDecisionsAsync(CancellationToken ct = default)
    {
        await readiness.Ready.WaitAsync(ct);
        var now = clock.GetUtcNow();
        var open = await store.ReadOpenTicketsAsync(ct);
        var recent = await store.ReadTicketsMovedAsync(now - DecisionItems.LookBack, now, ct);
        var alarms = await store.ReadAlarmsAsync(now, now, andActive: true, ct);
        var repeated = await store.ReadRepeatedComplaintsAsync(now - DecisionItems.RepeatWindow, now, ct);
        return DecisionItems.Judge(now, open, recent, alarms, repeated);
    }

    public async Task<bool> MakeDailyBriefingAsync(DateOnly day, CancellationToken ct = default)
    {
        var figures = await GetBriefingAsync(day, BriefingPeriod.Containing(PeriodKind.Day, day), ct);
        return await store.StoreDailyBriefingAsync(day, figures.At, JsonSerializer.SerializeToUtf8Bytes(figures), "system:daily-briefing", ct);
    }

    public async Task<IReadOnlyList<DailyBriefingInfo>> ListDailyBriefingsAsync(CancellationToken ct = default)
    {
        await readiness.Ready.WaitAsync(ct);
        return (await store.ListDailyBriefingsAsync(ct)).Select(b => new DailyBriefingInfo(b.Day, b.GeneratedAt, b.Sha256)).ToList();
    }

    public async Task<DailyBriefing?> GetDailyBriefingAsync(DateOnly day, CancellationToken ct = default)
    {
        await readiness.Ready.WaitAsync(ct);
        if (await store.GetDailyBriefingAsync(day, ct) is not { } kept)
        {
            return null;
        }

        var intact = Convert.ToHexStringLower(SHA256.HashData(kept.Content)) == kept.Sha256;
        var figures = JsonSerializer.Deserialize<BriefingFigures>(kept.Content)
            ?? throw new InvalidDataException($"The daily briefing of {day} holds no figures.");
        return new DailyBriefing(new DailyBriefingInfo(kept.Day, kept.GeneratedAt, kept.Sha256), figures, intact);
    }

    public async Task<BriefingFigures> GetBriefingAsync(DateOnly day, BriefingPeriod period, CancellationToken ct = default)
    {
        var vitals = await GetDayVitalsAsync(day, ct);
        var evaluation = await GetEvaluationAsync(period, ct);
        var decisions = await GetDecisionsAsync(ct);
        return new BriefingFigures(decisions.At, vitals, evaluation, decisions);
    }
}
