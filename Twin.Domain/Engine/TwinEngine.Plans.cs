using System.Collections.Immutable;
using Twin.Domain.Catalogue;
using Twin.Domain.Dispatch;
using Twin.Domain.Emergency;
using Twin.Domain.Sensors;

namespace Twin.Domain.Engine;

/// <summary>
/// The running plan level: its checklist (due times, 督办 when overdue), its tighter thresholds
/// and shorter time limits, and the supplies in the depots. Thresholds and limits are never
/// written over: the sensors and the catalogue keep their own, and the level's are laid on top
/// while it holds, so lowering or ending restores them exactly.
/// </summary>
public sealed partial class TwinEngine
{
    private readonly Dictionary<string, ChecklistStep> _checklist = new(StringComparer.Ordinal);
    private readonly ThresholdOverride?[] _thresholdOverrides = new ThresholdOverride?[KindCount];
    private readonly Dictionary<string, double> _slaFactors = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Depot, string Item), int> _stock = [];
    private PlanLevel? _planLevel;

    /// <summary>The level of the running plan, or null in the daily mode.</summary>
    public PlanLevel? ActivePlanLevel => _planLevel;

    /// <summary>The thresholds a sensor is judged by now: its own, or the running level's for its kind.</summary>
    public Thresholds EffectiveThresholds(SensorDefinition sensor) =>
        _thresholdOverrides[(int)sensor.Kind] is { } tighter ? tighter.Apply(sensor.Thresholds) : sensor.Thresholds;

    public InputResult CompleteChecklistStep(string stepId, string actor, string note)
    {
        if (string.IsNullOrWhiteSpace(actor) || string.IsNullOrWhiteSpace(note))
        {
            return InputResult.Refused("Ticking a checklist step needs the officer and a note of what was done.",
                new(string.IsNullOrWhiteSpace(actor) ? RefusalCode.NeedsActor : RefusalCode.NeedsNote));
        }

        if (!_checklist.TryGetValue(stepId ?? string.Empty, out var step))
        {
            return InputResult.Refused($"The running plan has no checklist step {stepId}.", new(RefusalCode.UnknownChecklistStep, stepId));
        }

        if (step.Status != ChecklistStepStatus.Pending)
        {
            return InputResult.Refused($"Checklist step {stepId} is already {step.Status.ToString().ToLowerInvariant()}.",
                new(RefusalCode.ChecklistStepNotPending, step.Status.ToString()));
        }

        var now = Now;
        ChangeStep(step with { Status = ChecklistStepStatus.Done, DoneAt = now, DoneBy = actor.Trim(), Note = note.Trim() }, ChecklistChange.Done, now);
        Version++;
        return InputResult.Ok;
    }

    public InputResult MoveStock(string depotId, string item, StockMovementKind kind, int quantity, string actor, string note)
    {
        if (string.IsNullOrWhiteSpace(actor) || string.IsNullOrWhiteSpace(note))
        {
            return InputResult.Refused("A stock movement needs the officer and a note (where it goes, where it came from).",
                new(string.IsNullOrWhiteSpace(actor) ? RefusalCode.NeedsActor : RefusalCode.NeedsNote));
        }

        if (quantity <= 0 || !Enum.IsDefined(kind))
        {
            return InputResult.Refused("A stock movement needs a quantity above 0 and a known kind.", new(RefusalCode.QuantityOutOfRange));
        }

        if (!_stock.TryGetValue((depotId ?? string.Empty, item ?? string.Empty), out var onHand))
        {
            return InputResult.Refused($"Depot {depotId} does not keep {item}.", new(RefusalCode.DepotDoesNotKeepItem, item));
        }

        if (kind == StockMovementKind.Draw && quantity > onHand)
        {
            return InputResult.Refused($"Depot {depotId} holds {onHand} {item}; {quantity} cannot be drawn.",
                new(RefusalCode.NotEnoughStock, onHand.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (kind == StockMovementKind.Restock && quantity > int.MaxValue - onHand)
        {
            return InputResult.Refused($"Depot {depotId} cannot hold {quantity} more {item}.", new(RefusalCode.StockFull));
        }

        var now = Now;
        var after = kind == StockMovementKind.Draw ? onHand - quantity : onHand + quantity;
        _stock[(depotId!, item!)] = after;
        _pendingEvents.Add(new StockMoved(NextEventSequence(), now,
            new StockMovement(depotId!, item!, kind, quantity, now, actor.Trim(), note.Trim()), new StockLevel(depotId!, item!, after)));
        Version++;
        return InputResult.Ok;
    }

    /// <summary>A category's step limits under the running level's dispatch rules.</summary>
    private StepTimeLimits LimitsFor(string categoryCode)
    {
        var limits = _catalogue.Find(categoryCode)!.TimeLimits;
        return _slaFactors.TryGetValue(categoryCode, out var factor)
            ? new StepTimeLimits(limits.Dispatch * factor, limits.Handle * factor, limits.Review * factor)
            : limits;
    }

    private void ApplyPlanLevel(PlanLevel? level)
    {
        _planLevel = level;
        Array.Clear(_thresholdOverrides);
        _slaFactors.Clear();
        foreach (var tighter in level?.Thresholds ?? [])
        {
            _thresholdOverrides[(int)tighter.Kind] = tighter;
        }

        foreach (var rule in level?.Dispatch ?? [])
        {
            _slaFactors[rule.CategoryCode] = rule.SlaFactor;
        }
    }

    /// <summary>Starts the level's steps that the incident has not started yet (a step carried over from a lower level keeps its clock).</summary>
    private void StartSteps(string incidentId, PlanLevel level, DateTimeOffset now)
    {
        foreach (var step in level.Checklist)
        {
            if (_checklist.TryGetValue(step.Id, out var existing) && existing.Status != ChecklistStepStatus.Withdrawn)
            {
                continue;
            }

            ChangeStep(
                new ChecklistStep(incidentId, step.Id, level.Level, step.TitleZh, step.TitleEn, step.Department, now, now + step.TimeLimit),
                ChecklistChange.Started,
                now);
        }
    }

    /// <summary>Withdraws pending steps the new level does not ask for (all of them when <paramref name="keep"/> is null).</summary>
    private void WithdrawSteps(DateTimeOffset now, IReadOnlySet<string>? keep)
    {
        foreach (var step in _checklist.Values.Where(s => s.Status == ChecklistStepStatus.Pending && keep?.Contains(s.StepId) != true).ToList())
        {
            ChangeStep(step with { Status = ChecklistStepStatus.Withdrawn }, ChecklistChange.Withdrawn, now);
        }

        if (keep is null)
        {
            _checklist.Clear();
        }
    }

    /// <summary>Overdue steps rise in 督办 like tickets: level 1 at the due time, one more per further time limit.</summary>
    private void SweepChecklist(DateTimeOffset now)
    {
        if (_checklist.Count == 0)
        {
            return;
        }

        foreach (var step in _checklist.Values.Where(s => s.IsOverdueAt(now)).ToList())
        {
            var limit = step.DueAt - step.StartedAt;
            var level = (int)Math.Min(SupervisionLevels.Max, 1 + Math.Floor((now - step.DueAt) / limit));
            if (level > step.SupervisionLevel)
            {
                ChangeStep(step with { SupervisionLevel = level }, ChecklistChange.Supervised, now);
            }
        }
    }

    private void ChangeStep(ChecklistStep step, ChecklistChange change, DateTimeOffset now)
    {
        _checklist[step.StepId] = step;
        _pendingEvents.Add(new ChecklistStepChanged(NextEventSequence(), now, step, change));
    }

    private ImmutableArray<ChecklistStep> ChecklistSteps() =>
        [.. _checklist.Values.Where(s => s.Status != ChecklistStepStatus.Withdrawn).OrderBy(s => s.StartedAt).ThenBy(s => s.DueAt).ThenBy(s => s.StepId, StringComparer.Ordinal)];

    private ImmutableArray<StockLevel> StockLevels() =>
        [.. _stock.Select(s => new StockLevel(s.Key.Depot, s.Key.Item, s.Value)).OrderBy(s => s.DepotId, StringComparer.Ordinal).ThenBy(s => s.Item, StringComparer.Ordinal)];

    private void RestoreChecklist(IReadOnlyList<ChecklistStep> steps)
    {
        _checklist.Clear();
        foreach (var step in steps.Where(s => s.IncidentId == _mode.IncidentId))
        {
            _checklist[step.StepId] = step;
        }
    }

    private void RestoreStock(IReadOnlyList<StockLevel> stored)
    {
        _stock.Clear();
        foreach (var depot in _emergency.Assets.Depots)
        {
            foreach (var (item, quantity) in depot.InitialStock)
            {
                _stock[(depot.Id, item)] = quantity;
            }
        }

        foreach (var level in stored.Where(l => _stock.ContainsKey((l.DepotId, l.Item))))
        {
            _stock[(level.DepotId, level.Item)] = level.Quantity;
        }
    }
}
