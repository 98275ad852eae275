using System.Globalization;
using Twin.Domain.Emergency;
using Twin.Domain.Engine;
using Twin.Domain.Field;
using Twin.Domain.Sensors;
using Twin.Domain.Tickets;

namespace Twin.Data.Audit;

/// <summary>
/// The audit rows of one pipeline batch, appended by the store in the batch's own transaction: a
/// ticket step, an alarm acknowledged, filed as a case, assigned or escalated, a mode change, a decided proposal or a removed sensor is on disk exactly
/// when its audit row is. Each row names the history row it records. Notes and reasons are not
/// copied: free text may hold personal data. A replayed month (the warm start) gets one row naming
/// the ranges it wrote rather than one per simulated step.
/// </summary>
internal sealed class BatchAudit(DateTimeOffset now, bool replay)
{
    private readonly List<AuditEntry> _entries = [];
    private readonly Dictionary<string, (long First, long Last)> _replayed = new(StringComparer.Ordinal);

    /// <summary>The batch's rows, the replayed ranges' row last.</summary>
    public IReadOnlyList<AuditEntry> Complete()
    {
        if (_replayed.Count > 0)
        {
            var ranges = string.Join("; ", _replayed.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => AuditedHistory.Range(r.Key, r.Value.First, r.Value.Last)));
            _entries.Add(Entry("system", AuditActions.HistoryReplayed, null, $"simulated history written by the warm start: {ranges}"));
            _replayed.Clear();
        }

        return _entries;
    }

    public void TicketStep(TicketTransition t, long historyId)
    {
        if (!Replayed(AuditedHistory.Tickets, historyId))
        {
            var step = (t.From is { } from ? from + "→" : "") + t.To;
            _entries.Add(Entry(t.Actor, AuditActions.TicketTransition, t.TicketId,
                string.Create(CultureInfo.InvariantCulture, $"{step}; twin time {t.At:O}; {AuditedHistory.Row(AuditedHistory.Tickets, historyId)}")));
        }
    }

    /// <summary>An acknowledgement, a filing as a case, an assignment or an escalation on duty: what people act on or are called for.</summary>
    public void AlarmStep(AlarmChanged a, long historyId)
    {
        var action = a.Change switch
        {
            AlarmChange.Acknowledged => AuditActions.AlarmAcknowledged,
            AlarmChange.FiledAsCase => AuditActions.AlarmFiledAsCase,
            AlarmChange.Assigned => AuditActions.AlarmAssigned,
            AlarmChange.DutyEscalated => AuditActions.AlarmEscalated,
            _ => null,
        };
        if (action is not null && !Replayed(AuditedHistory.Alarms, historyId))
        {
            var what = a.Change switch
            {
                AlarmChange.FiledAsCase => $"case {a.Alarm.CaseId}; ",
                AlarmChange.Assigned => $"to {a.Alarm.AssigneeKind} {a.Alarm.AssignedTo}; ",
                AlarmChange.DutyEscalated => $"duty level {a.Alarm.DutyLevel}; ",
                _ => string.Empty,
            };
            _entries.Add(Entry(a.Actor ?? "system", action, a.Alarm.Id,
                string.Create(CultureInfo.InvariantCulture, $"{what}twin time {a.At:O}; {AuditedHistory.Row(AuditedHistory.Alarms, historyId)}")));
        }
    }

    /// <summary>A sensor taken out of the twin (its readings and rollups deleted in the same transaction).</summary>
    public void SensorRemoved(SensorRemoved r)
    {
        var sensor = r.Sensor.Definition;
        _entries.Add(Entry(r.Actor, AuditActions.SensorRemoved, sensor.Id,
            string.Create(CultureInfo.InvariantCulture, $"{sensor.Kind.Slug()} · {sensor.Name}; twin time {r.At:O}")));
    }

    /// <summary>A sensor's levels changed by an admin: the old and the new ones.</summary>
    public void SensorThresholds(SensorThresholdsChanged t)
    {
        var (from, to) = (t.Previous, t.Sensor.Definition.Thresholds);
        _entries.Add(Entry(t.Actor, AuditActions.SensorThresholdsChanged, t.Sensor.Definition.Id, string.Create(CultureInfo.InvariantCulture,
            $"warning {from.Warning}→{to.Warning}, alarm {from.Alarm}→{to.Alarm}, hysteresis {from.Hysteresis}→{to.Hysteresis} {t.Sensor.Definition.Unit}; twin time {t.At:O}")));
    }

    /// <summary>A field report: how many photos and their hashes, never the note (free text may hold personal data).</summary>
    public void FieldReport(FieldReportSubmitted f)
    {
        var r = f.Report;
        var photos = string.Join(", ", r.Photos.Select(p => $"{p.Id} sha256 {p.Sha256[..12]}"));
        _entries.Add(Entry(r.By, AuditActions.FieldReportSubmitted, r.TicketId,
            string.Create(CultureInfo.InvariantCulture, $"key {r.Key}; {r.Photos.Count} photo(s){(photos.Length > 0 ? ": " + photos : string.Empty)}; twin time {r.At:O}")));
    }

    public void Emergency(TwinEvent change)
    {
        if (replay)
        {
            return;
        }

        switch (change)
        {
            case ModeChanged { Change: var c }:
                _entries.Add(Entry(c.Actor, AuditActions.ModeChanged, c.IncidentId,
                    string.Create(CultureInfo.InvariantCulture, $"{c.Kind} {c.Type} {c.Level} as {c.Role}; twin time {c.At:O}")));
                break;
            case ModeProposalChanged { Proposal: { Status: not ProposalStatus.Open, DecidedBy: { } by } p }:
                _entries.Add(Entry(by, AuditActions.ModeProposalDecided, p.Id,
                    string.Create(CultureInfo.InvariantCulture, $"{p.Status} {p.Type} {p.Level}; twin time {p.DecidedAt:O}")));
                break;
            case ChecklistStepChanged { Change: ChecklistChange.Done, Step: var s }:
                _entries.Add(Entry(s.DoneBy ?? "system", AuditActions.ChecklistStepDone, $"{s.IncidentId}/{s.StepId}",
                    string.Create(CultureInfo.InvariantCulture, $"done; twin time {s.DoneAt:O}")));
                break;
            case StockMoved { Movement: var m, Stock: var stock }:
                _entries.Add(Entry(m.Actor, AuditActions.StockMoved, $"{m.DepotId}/{m.Item}",
                    string.Create(CultureInfo.InvariantCulture, $"{m.Kind} {m.Quantity}, {stock.Quantity} left; twin time {m.At:O}")));
                break;
        }
    }

    private bool Replayed(string table, long historyId)
    {
        if (!replay)
        {
            return false;
        }

        _replayed[table] = _replayed.TryGetValue(table, out var r) ? (Math.Min(r.First, historyId), Math.Max(r.Last, historyId)) : (historyId, historyId);
        return true;
    }

    private AuditEntry Entry(string actor, string action, string? target, string detail) =>
        new(now, actor, action, target, AuditOutcome.Success, detail, null, null);
}
