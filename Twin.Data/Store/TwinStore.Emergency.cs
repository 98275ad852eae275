using Microsoft.EntityFrameworkCore;
using Twin.Domain.Emergency;

namespace Twin.Data.Store;

public sealed partial class TwinStore
{
    /// <summary>
    /// The mode is the last recorded change (daily when there is none or it was an end); open
    /// proposals, the running incident's checklist and the live stock come with it.
    /// </summary>
    private static async Task<EmergencyRestoreState> ReadEmergencyAsync(TwinDbContext db, CancellationToken ct)
    {
        var last = await db.ModeChanges.AsNoTracking().OrderByDescending(m => m.Id).FirstOrDefaultAsync(ct);
        var mode = last is null ? EmergencyRestoreState.Daily.Mode
            : last.Kind == ModeChangeKind.Ended ? OperatingMode.Daily(last.At)
            : new OperatingMode(last.IncidentId, last.Type, last.Level, last.At);
        var open = await db.ModeProposals.AsNoTracking().Where(p => p.Status == ProposalStatus.Open).OrderBy(p => p.Id).ToListAsync(ct);

        // Ids are MP-00001, MP-00002, …: the highest one gives the next number.
        var lastProposal = await db.ModeProposals.AsNoTracking().OrderByDescending(p => p.Id).Select(p => p.Id).FirstOrDefaultAsync(ct);
        var nextProposal = lastProposal is not null && long.TryParse(lastProposal.AsSpan(3), out var n) ? n + 1 : 1;
        var steps = mode.IncidentId is { } incident
            ? await db.ChecklistSteps.AsNoTracking().Where(s => s.IncidentId == incident).ToListAsync(ct)
            : [];
        var stock = await db.Stock.AsNoTracking().ToListAsync(ct);
        return new EmergencyRestoreState(
            mode,
            open.Select(p => p.ToProposal()).ToList(),
            nextProposal,
            steps.Select(s => s.ToStep()).ToList(),
            stock.Select(s => s.ToLevel()).ToList());
    }

    /// <summary>Every incident, latest first.</summary>
    public async Task<IReadOnlyList<IncidentSummary>> ListIncidentsAsync(CancellationToken ct = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await using var db = CreateDbContext();
        var changes = await db.ModeChanges.AsNoTracking().OrderBy(m => m.Id).ToListAsync(ct);
        return changes.GroupBy(m => m.IncidentId)
            .Select(g => Summarise(g.Select(m => m.ToChange()).ToList()))
            .OrderByDescending(s => s.StartedAt)
            .ToList();
    }

    /// <summary>
    /// 复盘 of one incident: its mode changes, proposals it confirmed, checklist steps with their
    /// times, and the tickets reported, alarms raised and supplies moved between its start and its
    /// stand-down (or now). Null when there is no such incident.
    /// </summary>
    public async Task<AfterActionReport?> GetAfterActionReportAsync(string incidentId, DateTimeOffset now, CancellationToken ct = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await using var db = CreateDbContext();
        var timeline = (await db.ModeChanges.AsNoTracking().Where(m => m.IncidentId == incidentId).OrderBy(m => m.Id).ToListAsync(ct))
            .Select(m => m.ToChange()).ToList();
        if (timeline.Count == 0)
        {
            return null;
        }

        var summary = Summarise(timeline);
        var from = summary.StartedAt;
        var until = summary.EndedAt ?? now;
        var proposalIds = timeline.Select(m => m.ProposalId).OfType<string>().ToList();
        var proposals = await db.ModeProposals.AsNoTracking()
            .Where(p => proposalIds.Contains(p.Id) || (p.ProposedAt >= from && p.ProposedAt <= until))
            .OrderBy(p => p.Id).ToListAsync(ct);
        var steps = await db.ChecklistSteps.AsNoTracking().Where(s => s.IncidentId == incidentId)
            .OrderBy(s => s.StartedAt).ThenBy(s => s.DueAt).ThenBy(s => s.StepId).ToListAsync(ct);
        var history = await db.ChecklistHistory.AsNoTracking().Where(h => h.IncidentId == incidentId).OrderBy(h => h.Id).ToListAsync(ct);
        var tickets = await db.Tickets.AsNoTracking().Where(t => t.ReportedAt >= from && t.ReportedAt <= until)
            .OrderBy(t => t.ReportedAt).ThenBy(t => t.Id).ToListAsync(ct);
        var alarms = await db.Alarms.AsNoTracking().Where(a => a.RaisedAt >= from && a.RaisedAt <= until)
            .OrderBy(a => a.RaisedAt).ThenBy(a => a.Id).ToListAsync(ct);
        var movements = await db.StockMovements.AsNoTracking().Where(m => m.At >= from && m.At <= until).OrderBy(m => m.Id).ToListAsync(ct);

        return new AfterActionReport(
            incidentId,
            summary.Type,
            summary.StartedAt,
            summary.EndedAt,
            summary.HighestLevel,
            timeline,
            proposals.Select(p => p.ToProposal()).ToList(),
            steps.Select(s => s.ToStep()).ToList(),
            history.Select(h => h.ToEntry()).ToList(),
            tickets.Select(t => t.ToState()).ToList(),
            alarms.Select(a => a.ToState()).ToList(),
            movements.Select(m => m.ToMovement()).ToList());
    }

    private static IncidentSummary Summarise(IReadOnlyList<ModeChange> timeline) => new(
        timeline[0].IncidentId,
        timeline[0].Type,
        timeline[0].At,
        timeline[^1].Kind == ModeChangeKind.Ended ? timeline[^1].At : null,
        timeline.Select(m => m.Level).Min());
}
