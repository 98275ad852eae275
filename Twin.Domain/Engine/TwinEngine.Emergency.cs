using System.Globalization;
using Twin.Domain.Emergency;
using Twin.Domain.Sensors;

namespace Twin.Domain.Engine;

/// <summary>
/// 平急融合: the operating mode. Only a supervisor or a leader changes it, always with a reason;
/// a proposal (from CAP or a gauge) waits for a person to confirm or dismiss it and never
/// switches the mode by itself. Every change is an event the store writes in the batch's
/// transaction, so a restart keeps the mode.
/// </summary>
public sealed partial class TwinEngine
{
    private readonly Dictionary<string, ModeProposal> _openProposals = new(StringComparer.Ordinal);
    private OperatingMode _mode = OperatingMode.Daily(DateTimeOffset.MinValue);
    private long _nextProposalNumber = 1;

    public OperatingMode Mode => _mode;

    public InputResult StartEmergency(EmergencyType type, ResponseLevel level, string actor, OfficerRole role, string reason) =>
        StartEmergency(type, level, actor, role, reason, null);

    public InputResult ChangeResponseLevel(ResponseLevel level, string actor, OfficerRole role, string reason)
    {
        if (ModeChangeRefusal(actor, role, reason) is { } refusal)
        {
            return refusal;
        }

        if (!Enum.IsDefined(level))
        {
            return InputResult.Refused("Unknown response level.", new(RefusalCode.UnknownEmergencyLevel));
        }

        if (!_mode.IsEmergency)
        {
            return InputResult.Refused("No emergency is running: start one first.", new(RefusalCode.NoEmergencyRunning));
        }

        if (_mode.Level == level)
        {
            return InputResult.Refused($"The emergency is already at level {level.Numeral()}.", new(RefusalCode.AlreadyAtLevel, level.ToString()));
        }

        var kind = level.IsHigherThan(_mode.Level!.Value) ? ModeChangeKind.Raised : ModeChangeKind.Lowered;
        EnterLevel(_mode.IncidentId!, _mode.Type!.Value, level, kind, actor.Trim(), role, reason.Trim(), null);
        return InputResult.Ok;
    }

    public InputResult EndEmergency(string actor, OfficerRole role, string reason)
    {
        if (ModeChangeRefusal(actor, role, reason) is { } refusal)
        {
            return refusal;
        }

        if (!_mode.IsEmergency)
        {
            return InputResult.Refused("No emergency is running.", new(RefusalCode.NoEmergencyRunning));
        }

        var now = Now;
        var change = new ModeChange(_mode.IncidentId!, ModeChangeKind.Ended, _mode.Type!.Value, _mode.Level!.Value, now, actor.Trim(), role, reason.Trim());
        WithdrawSteps(now, keep: null);
        _mode = OperatingMode.Daily(now);
        ApplyPlanLevel(null);
        _pendingEvents.Add(new ModeChanged(NextEventSequence(), now, change, _mode));
        Version++;
        return InputResult.Ok;
    }

    public InputResult ProposeMode(string source, string sourceRef, EmergencyType type, ResponseLevel level, string reason)
    {
        if (string.IsNullOrWhiteSpace(source) || string.IsNullOrWhiteSpace(sourceRef) || string.IsNullOrWhiteSpace(reason))
        {
            return InputResult.Refused("A proposal needs a source, a reference and a reason.", new(RefusalCode.ProposalIncomplete));
        }

        if (!Enum.IsDefined(type) || !Enum.IsDefined(level))
        {
            return InputResult.Refused("Unknown emergency type or level.", new(RefusalCode.UnknownEmergencyLevel));
        }

        return AddProposal(source.Trim(), sourceRef.Trim(), type, level, reason.Trim())
            ? InputResult.Ok
            : InputResult.Refused("The mode already covers this, or the same proposal is open.", new(RefusalCode.ProposalAlreadyCovered));
    }

    public InputResult ConfirmProposal(string proposalId, string actor, OfficerRole role, string? note)
    {
        if (!_openProposals.TryGetValue(proposalId ?? string.Empty, out var proposal))
        {
            return InputResult.Refused($"No open proposal {proposalId}.", new(RefusalCode.UnknownProposal, proposalId));
        }

        var reason = string.IsNullOrWhiteSpace(note) ? $"确认建议 {proposal.Id}：{proposal.Reason}" : note.Trim();
        if (ModeChangeRefusal(actor, role, reason) is { } refusal)
        {
            return refusal;
        }

        InputResult result;
        if (!_mode.IsEmergency)
        {
            result = StartEmergency(proposal.Type, proposal.Level, actor, role, reason, proposal.Id);
        }
        else if (_mode.Type != proposal.Type)
        {
            return InputResult.Refused($"A {_mode.Type!.Value.NameEn()} emergency is running: stand it down before confirming a {proposal.Type.NameEn()} proposal.",
                new(RefusalCode.OtherEmergencyRunning, _mode.Type!.Value.ToString()));
        }
        else if (!proposal.Level.IsHigherThan(_mode.Level!.Value))
        {
            return InputResult.Refused($"The emergency is already at level {_mode.Level!.Value.Numeral()}; dismiss the proposal instead.",
                new(RefusalCode.ProposalNotAboveLevel, _mode.Level!.Value.ToString()));
        }
        else
        {
            EnterLevel(_mode.IncidentId!, proposal.Type, proposal.Level, ModeChangeKind.Raised, actor.Trim(), role, reason, proposal.Id);
            result = InputResult.Ok;
        }

        if (result.Accepted)
        {
            Decide(proposal, ProposalStatus.Confirmed, actor.Trim(), reason);
        }

        return result;
    }

    public InputResult DismissProposal(string proposalId, string actor, OfficerRole role, string reason)
    {
        if (ModeChangeRefusal(actor, role, reason) is { } refusal)
        {
            return refusal;
        }

        if (!_openProposals.TryGetValue(proposalId ?? string.Empty, out var proposal))
        {
            return InputResult.Refused($"No open proposal {proposalId}.", new(RefusalCode.UnknownProposal, proposalId));
        }

        Decide(proposal, ProposalStatus.Dismissed, actor.Trim(), reason.Trim());
        Version++;
        return InputResult.Ok;
    }

    private static InputResult? ModeChangeRefusal(string actor, OfficerRole role, string reason)
    {
        if (string.IsNullOrWhiteSpace(actor))
        {
            return InputResult.Refused("A mode change needs the person who makes it.", new(RefusalCode.NeedsActor));
        }

        if (!role.MayChangeMode())
        {
            return InputResult.Refused($"Only a supervisor or a leader changes the mode, not a {role.NameEn().ToLowerInvariant()}.", new(RefusalCode.RoleMayNotChangeMode));
        }

        return string.IsNullOrWhiteSpace(reason) ? InputResult.Refused("A mode change needs a reason.", new(RefusalCode.NeedsReason)) : null;
    }

    private InputResult StartEmergency(EmergencyType type, ResponseLevel level, string actor, OfficerRole role, string reason, string? proposalId)
    {
        if (ModeChangeRefusal(actor, role, reason) is { } refusal)
        {
            return refusal;
        }

        if (!Enum.IsDefined(type) || !Enum.IsDefined(level))
        {
            return InputResult.Refused("Unknown emergency type or level.", new(RefusalCode.UnknownEmergencyLevel));
        }

        if (_mode.IsEmergency)
        {
            return InputResult.Refused($"An emergency is already running ({_mode.IncidentId}): raise, lower or end it.", new(RefusalCode.EmergencyAlreadyRunning, _mode.IncidentId));
        }

        if (_emergency.Plans.Find(type) is null)
        {
            return InputResult.Refused($"No plan exists for {type.NameEn()}.", new(RefusalCode.NoPlanForEmergency, type.ToString()));
        }

        var now = Now;
        var incidentId = string.Create(CultureInfo.InvariantCulture, $"EM-{Time.ShanghaiClock.ToLocal(now):yyyyMMdd-HHmmss}");
        EnterLevel(incidentId, type, level, ModeChangeKind.Started, actor.Trim(), role, reason.Trim(), proposalId);
        return InputResult.Ok;
    }

    /// <summary>Moves the mode to <paramref name="level"/>: records the change, applies the level's thresholds and rules, and starts its checklist.</summary>
    private void EnterLevel(string incidentId, EmergencyType type, ResponseLevel level, ModeChangeKind kind, string actor, OfficerRole role, string reason, string? proposalId)
    {
        var now = Now;
        var planLevel = _emergency.Plans.Find(type)!.For(level);
        _mode = new OperatingMode(incidentId, type, level, now);
        ApplyPlanLevel(planLevel);
        _pendingEvents.Add(new ModeChanged(NextEventSequence(), now, new ModeChange(incidentId, kind, type, level, now, actor, role, reason, proposalId), _mode));
        WithdrawSteps(now, keep: planLevel.Checklist.Select(s => s.Id).ToHashSet(StringComparer.Ordinal));
        StartSteps(incidentId, planLevel, now);

        // A proposal the new mode already covers has nothing left to ask (the one being confirmed is decided by its confirmation).
        foreach (var covered in _openProposals.Values.Where(p => p.Id != proposalId && p.Type == type && !p.Level.IsHigherThan(level)).ToList())
        {
            Decide(covered, ProposalStatus.Confirmed, actor, $"已由 {incidentId} {level.NameZh()} 覆盖");
        }

        Version++;
    }

    private bool AddProposal(string source, string sourceRef, EmergencyType type, ResponseLevel level, string reason)
    {
        if (_mode.IsEmergency && _mode.Type == type && !level.IsHigherThan(_mode.Level!.Value))
        {
            return false;
        }

        if (_openProposals.Values.Any(p => p.Type == type && !level.IsHigherThan(p.Level)))
        {
            return false;
        }

        var now = Now;
        var proposal = new ModeProposal(string.Create(CultureInfo.InvariantCulture, $"MP-{_nextProposalNumber++:D5}"), source, sourceRef, type, level, reason, now);
        _openProposals[proposal.Id] = proposal;
        _pendingEvents.Add(new ModeProposalChanged(NextEventSequence(), now, proposal));
        Version++;
        return true;
    }

    private void Decide(ModeProposal proposal, ProposalStatus status, string actor, string note)
    {
        var now = Now;
        var decided = proposal with { Status = status, DecidedBy = actor, DecidedAt = now, DecisionNote = note };
        _openProposals.Remove(proposal.Id);
        _pendingEvents.Add(new ModeProposalChanged(NextEventSequence(), now, decided));
    }

    /// <summary>A CAP warning whose event a plan names proposes that plan at the warning colour's level.</summary>
    private void ProposeFromCap(string sourceKey, string kind, string title)
    {
        if (!_options.ProposeModes)
        {
            return;
        }

        foreach (var plan in _emergency.Plans.Plans)
        {
            if (plan.Triggers.MatchesCap(kind) || plan.Triggers.MatchesCap(title))
            {
                var level = PlanTriggers.LevelOfCapWarning(kind + " " + title);
                AddProposal("cap", sourceKey, plan.Type, level, $"{kind}：{title}");
            }
        }
    }

    /// <summary>A gauge of a kind a plan watches entering alarm proposes that plan at its sensor level.</summary>
    private void ProposeFromSensor(SensorDefinition sensor, double value)
    {
        if (!_options.ProposeModes)
        {
            return;
        }

        foreach (var plan in _emergency.Plans.Plans)
        {
            if (plan.Triggers.SensorKinds.Contains(sensor.Kind))
            {
                AddProposal("sensor", sensor.Id, plan.Type, plan.Triggers.SensorLevel,
                    string.Create(CultureInfo.InvariantCulture, $"{sensor.Name} {sensor.Kind.NameZh()} {value:0.##} {sensor.Unit} 超报警值"));
            }
        }
    }

    private void RestoreMode(EmergencyRestoreState state)
    {
        _openProposals.Clear();
        foreach (var proposal in state.OpenProposals)
        {
            _openProposals[proposal.Id] = proposal;
        }

        _nextProposalNumber = state.NextProposalNumber;
        _mode = state.Mode;
        ApplyPlanLevel(_mode.IsEmergency ? _emergency.Plans.Find(_mode.Type!.Value)?.For(_mode.Level!.Value) : null);
        RestoreChecklist(state.Checklist);
        RestoreStock(state.Stock);
    }
}
