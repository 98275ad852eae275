using System.Globalization;
using Twin.Domain.Dispatch;
using Twin.Domain.Privacy;
using Twin.Domain.Tickets;
using Twin.Domain.Time;

namespace Twin.Domain.Engine;

/// <summary>
/// 一口派单: the loop's actions (see <see cref="DispatchRules"/> for what is legal when), duplicate
/// merging across channels, the SLA clock of each step with automatic 督办, and 评效.
/// </summary>
public sealed partial class TwinEngine
{
    /// <summary>The actor of an automatic 督办 on an overdue step.</summary>
    public const string SystemSupervisor = "系统督办";

    private readonly DuplicateDetector _duplicates;

    /// <summary>Case id → the reports merged into it, to re-index or drop them with the case.</summary>
    private readonly Dictionary<string, HashSet<string>> _mergedReports = new(StringComparer.Ordinal);

    /// <summary>
    /// When each open step reaches its next 督办 level. Entries are not removed when a ticket moves
    /// on: one whose due time no longer matches the ticket is stale and skipped when it comes up.
    /// </summary>
    private PriorityQueue<SlaCheck, DateTimeOffset> _slaChecks = new();

    public DuplicateDetector Duplicates => _duplicates;

    /// <summary>How long after closing a ticket's 评价 is taken; the engine keeps closed tickets that long.</summary>
    public EvaluationWindow Evaluation => _options.Evaluation;

    public InputResult ApplyDispatch(DispatchCommand command)
    {
        if (!_tickets.TryGetValue(command.TicketId ?? string.Empty, out var ticket))
        {
            return InputResult.Refused($"Unknown ticket '{command.TicketId}'.", new(RefusalCode.UnknownTicket));
        }

        if (string.IsNullOrWhiteSpace(command.By))
        {
            return InputResult.Refused($"Ticket {ticket.Id}: {command.Action} needs who does it.", new(RefusalCode.NeedsActor));
        }

        if (!DispatchRules.IsLegal(command.Action, ticket.Status))
        {
            var allowed = string.Join("/", DispatchRules.LegalFrom(command.Action).Select(s => s.NameZh()));
            return InputResult.Refused(
                $"Ticket {ticket.Id}: cannot {command.Action} a ticket that is {ticket.Status} ({ticket.Status.NameZh()}); only from {allowed}.",
                new(RefusalCode.NotInThisStatus));
        }

        if (command is EvaluateTicketCommand && !_options.Evaluation.IsOpen(ticket, Now))
        {
            return InputResult.Refused(
                $"Ticket {ticket.Id}: evaluations are taken within {_options.Evaluation.Length.TotalHours:0} h of closing; it closed at {ticket.ClosedAt:O}.",
                new(RefusalCode.EvaluationWindowClosed));
        }

        if (command.BySimulatedStaff && ticket.ClaimedBy is { } claimedBy)
        {
            return RefusedToSimulatedStaff($"Ticket {ticket.Id}", claimedBy);
        }

        var now = Now;
        RollDayIfNeeded(now);
        var by = command.By.Trim();
        var result = Act(ticket, command, by, now);

        // A loop action is a person's, who takes the ticket over, unless simulated staff took it.
        if (result.Accepted && !command.BySimulatedStaff)
        {
            ClaimTicket(_tickets[ticket.Id], by, now);
        }

        return result;
    }

    private InputResult Act(TicketState ticket, DispatchCommand command, string by, DateTimeOffset now) =>
        command switch
        {
            FileTicketCommand c => Commit(ticket, EnterStep(ticket, TicketStatus.Filed, now), by, c.Note ?? "立案", now),
            DispatchTicketCommand c => Dispatch(ticket, c.Department, by, now),
            AcceptDispatchCommand => Commit(ticket, EnterStep(ticket, TicketStatus.Handling, now), by, $"{ticket.Department}接单处置", now),
            AddCoordinatingDepartmentCommand c => AddCoordinating(ticket, c.Department, by, now),
            RefuseDispatchCommand c => WithReason(ticket, c.Reason, reason => Refuse(ticket, reason, by, now)),
            SubmitForReviewCommand c => Commit(ticket, EnterStep(ticket, TicketStatus.Review, now), by, c.Note ?? "处置完成，提交审核", now),
            ApproveReviewCommand c => Commit(ticket, EnterStep(ticket, TicketStatus.Closed, now), by, c.Note ?? "审核通过，结案", now),
            RejectReviewCommand c => WithReason(ticket, c.Reason, reason =>
                Commit(ticket, EnterStep(ticket, TicketStatus.Handling, now), by, $"审核驳回：{reason}，退回{ticket.Department}继续处置", now)),
            CloseTicketCommand c => WithReason(ticket, c.Reason, reason =>
                Commit(ticket, EnterStep(ticket, TicketStatus.Closed, now), by, $"不派遣直接结案：{reason}", now)),
            EvaluateTicketCommand c => Evaluate(ticket, c.Satisfied, c.Note, by, now),
            ReopenTicketCommand c => WithReason(ticket, c.Reason, reason => Commit(
                ticket,
                EnterStep(ticket, TicketStatus.Handling, now) with { ReopenedCount = ticket.ReopenedCount + 1, Satisfied = null },
                by,
                $"重新处置：{reason}",
                now)),
            SuperviseTicketCommand c => Supervise(ticket, c.Level, c.Reason, by, now),
            MergeTicketCommand c => MergeByOfficer(ticket, c.IntoTicketId, by, now),
            SplitTicketCommand c => WithReason(ticket, c.Reason, reason => Split(ticket, reason, by, now)),
            ReassignTicketCommand c => WithReason(ticket, c.Reason, reason => Reassign(ticket, c.Department, reason, by, now)),
            RecordHandlingCommand c => WithReason(ticket, c.Note, note => Commit(ticket, ticket, by, $"处置反馈：{note}", now)),
            _ => InputResult.Refused($"Unknown dispatch action {command.GetType().Name}."),
        };

    private static InputResult WithReason(TicketState ticket, string? reason, Func<string, InputResult> apply) =>
        string.IsNullOrWhiteSpace(reason) ? InputResult.Refused($"Ticket {ticket.Id}: this action needs a reason.", new(RefusalCode.NeedsReason)) : apply(reason.Trim());

    /// <summary>
    /// 派遣 to the named department, or by the responsibility list: its first department that has
    /// not refused this case. When every listed department has refused, the officer must choose.
    /// </summary>
    private InputResult Dispatch(TicketState ticket, string? department, string by, DateTimeOffset now)
    {
        string owner;
        if (!string.IsNullOrWhiteSpace(department))
        {
            owner = department.Trim();
        }
        else if (_catalogue.Find(ticket.CategoryCode)!.ResponsibleFor(ticket.SubDistrictCode).FirstOrDefault(d => !ticket.RefusedDepartmentList.Contains(d)) is { } next)
        {
            owner = next;
        }
        else
        {
            return InputResult.Refused(
                $"Ticket {ticket.Id}: every department on the responsibility list has refused it ({ticket.RefusedDepartments}); name the department to dispatch to.",
                new(RefusalCode.EveryListedDepartmentRefused, ticket.RefusedDepartments));
        }

        var updated = EnterStep(ticket, TicketStatus.Dispatched, now) with { Department = owner };
        return Commit(ticket, updated, by, $"派至{owner}", now);
    }

    /// <summary>退单: back to the dispatcher, the refusing department remembered so that the list does not send it back there.</summary>
    private InputResult Refuse(TicketState ticket, string reason, string by, DateTimeOffset now)
    {
        var department = ticket.Department!;
        var refused = ticket.RefusedDepartmentList.Contains(department)
            ? ticket.RefusedDepartments
            : ticket.RefusedDepartments.Length == 0 ? department : ticket.RefusedDepartments + TicketState.DepartmentSeparator + department;
        var updated = EnterStep(ticket, TicketStatus.Filed, now) with
        {
            Department = null,
            CoordinatingDepartments = string.Empty,
            RefusedDepartments = refused,
        };
        return Commit(ticket, updated, by, TicketHistoryFacts.RefusalNote(department, reason), now);
    }

    private InputResult AddCoordinating(TicketState ticket, string? department, string by, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(department) || department.Contains(TicketState.DepartmentSeparator, StringComparison.Ordinal))
        {
            return InputResult.Refused($"Ticket {ticket.Id}: name one coordinating department.", new(RefusalCode.NameOneCoordinatingDepartment));
        }

        var name = department.Trim();
        if (name == ticket.Department || ticket.CoordinatingDepartmentList.Contains(name))
        {
            return InputResult.Refused($"Ticket {ticket.Id}: {name} already works on it.", new(RefusalCode.DepartmentAlreadyOnIt, name));
        }

        var list = ticket.CoordinatingDepartments.Length == 0 ? name : ticket.CoordinatingDepartments + TicketState.DepartmentSeparator + name;
        return Commit(ticket, ticket with { CoordinatingDepartments = list }, by, $"增加协同部门{name}", now);
    }

    private InputResult Evaluate(TicketState ticket, bool satisfied, string? note, string by, DateTimeOffset now)
    {
        var said = string.IsNullOrWhiteSpace(note) ? string.Empty : $"：{note.Trim()}";
        if (satisfied)
        {
            return Commit(ticket, EnterStep(ticket, TicketStatus.Evaluated, now) with { Satisfied = true }, by, $"满意{said}", now);
        }

        // The citizen's verdict stands on the reopened case until a new evaluation replaces it: the
        // satisfaction rate counts it, and forgetting it read every period as 100 % satisfied.
        var reopened = EnterStep(ticket, TicketStatus.Handling, now) with { Satisfied = false, ReopenedCount = ticket.ReopenedCount + 1 };
        return Commit(ticket, reopened, by, $"不满意{said}，重新处置", now);
    }

    private InputResult Supervise(TicketState ticket, int level, string? reason, string by, DateTimeOffset now)
    {
        if (level is < 1 or > SupervisionLevels.Max)
        {
            return InputResult.Refused($"Ticket {ticket.Id}: 督办 level must be 1 to {SupervisionLevels.Max}, not {level}.", new(RefusalCode.SupervisionLevelOutOfRange));
        }

        if (level <= ticket.SupervisionLevel)
        {
            return InputResult.Refused(
                $"Ticket {ticket.Id}: already under {SupervisionLevels.Name(ticket.SupervisionLevel)} (level {ticket.SupervisionLevel}).",
                new(RefusalCode.AlreadySupervised, ticket.SupervisionLevel.ToString(CultureInfo.InvariantCulture)));
        }

        return WithReason(ticket, reason, r =>
            Commit(ticket, ticket with { SupervisionLevel = level }, by, $"{SupervisionLevels.Name(level)}：{r}", now));
    }

    private InputResult MergeByOfficer(TicketState ticket, string? intoId, string by, DateTimeOffset now)
    {
        if (!_tickets.TryGetValue(intoId ?? string.Empty, out var target))
        {
            return InputResult.Refused($"Ticket {ticket.Id}: unknown case '{intoId}' to merge into.", new(RefusalCode.UnknownMergeTarget, intoId));
        }

        if (target.Id == ticket.Id)
        {
            return InputResult.Refused($"Ticket {ticket.Id}: cannot merge a ticket into itself.", new(RefusalCode.MergeIntoItself));
        }

        if (!target.Status.IsOpen())
        {
            return InputResult.Refused($"Ticket {ticket.Id}: case {target.Id} is {target.Status}, not open.", new(RefusalCode.MergeTargetNotOpen, target.Id));
        }

        if (ticket.DuplicatesCount > 0)
        {
            return InputResult.Refused($"Ticket {ticket.Id}: it is a case with {ticket.DuplicatesCount} merged report(s); split them first.", new(RefusalCode.CaseHasMergedReports));
        }

        MergeInto(ticket, target, by, $"人工并案：{ticket.Id}并入{target.Id}，{_duplicates.Explain(ticket, target).Figures}", now);
        return InputResult.Ok;
    }

    private void MergeInto(TicketState report, TicketState target, string by, string note, DateTimeOffset now)
    {
        var merged = EnterStep(report, TicketStatus.Merged, now) with { MergedIntoId = target.Id, PossibleDuplicateOf = null, DuplicateExplanation = note };
        Commit(report, merged, by, note, now);
        MergedInto(target.Id).Add(report.Id);
        _duplicates.Add(merged, target.Id);
        Commit(target, target with { DuplicatesCount = target.DuplicatesCount + 1 }, by, $"并入重复报告{report.Id}（{report.Channel.NameZh()}）", now);
    }

    private InputResult Split(TicketState report, string reason, string by, DateTimeOffset now)
    {
        var caseId = report.MergedIntoId!;
        var own = EnterStep(report, TicketStatus.Discovered, now) with { MergedIntoId = null, DuplicateExplanation = null };
        Commit(report, own, by, $"拆案：从{caseId}拆出，{reason}", now);
        if (_mergedReports.TryGetValue(caseId, out var reports))
        {
            reports.Remove(report.Id);
        }

        if (_tickets.TryGetValue(caseId, out var target))
        {
            Commit(target, target with { DuplicatesCount = Math.Max(0, target.DuplicatesCount - 1) }, by, $"拆出{report.Id}：{reason}", now);
        }

        return InputResult.Ok;
    }

    /// <summary>
    /// A ticket entering <paramref name="to"/>: its step's due time from the catalogue, and the 督办
    /// level reset when a new step clock starts (the history keeps the old one). Filing keeps the
    /// dispatch clock that started at the report, and accepting keeps the handling clock that
    /// started at dispatch, so neither step buys time.
    /// </summary>
    private TicketState EnterStep(TicketState ticket, TicketStatus to, DateTimeOffset now)
    {
        var limits = LimitsFor(ticket.CategoryCode);
        DateTimeOffset? due = to switch
        {
            TicketStatus.Discovered => now + limits.Dispatch,
            TicketStatus.Filed when ticket.Status == TicketStatus.Discovered => ticket.StepDueAt ?? now + limits.Dispatch,
            TicketStatus.Filed => now + limits.Dispatch,
            TicketStatus.Dispatched => now + limits.Handle,
            TicketStatus.Handling when ticket.Status == TicketStatus.Dispatched => ticket.StepDueAt ?? now + limits.Handle,
            TicketStatus.Handling => now + limits.Handle,
            TicketStatus.Review => now + limits.Review,
            _ => null,
        };
        var closedAt = to is TicketStatus.Closed or TicketStatus.Evaluated ? ticket.ClosedAt ?? now : (DateTimeOffset?)null;
        var department = to >= TicketStatus.Dispatched && to != TicketStatus.Merged && ticket.Department is null
            ? _catalogue.Find(ticket.CategoryCode)!.DepartmentFor(ticket.SubDistrictCode)
            : ticket.Department;
        return ticket with
        {
            Status = to,
            StepDueAt = due,
            SupervisionLevel = due == ticket.StepDueAt ? ticket.SupervisionLevel : 0,
            DispatchedAt = ticket.DispatchedAt ?? (to is >= TicketStatus.Dispatched and <= TicketStatus.Evaluated ? now : null),
            ClosedAt = closedAt,
            Department = department,
        };
    }

    private TimeSpan? StepLimit(TicketState ticket)
    {
        var limits = LimitsFor(ticket.CategoryCode);
        return ticket.Status switch
        {
            TicketStatus.Discovered or TicketStatus.Filed => limits.Dispatch,
            TicketStatus.Dispatched or TicketStatus.Handling => limits.Handle,
            TicketStatus.Review => limits.Review,
            _ => null,
        };
    }

    /// <summary>
    /// Stores a change and keeps everything derived from tickets in step: the backlog and the
    /// day's dispatch and closure figures (a reopen takes its closure back out), the duplicate
    /// index (reports of open cases only) and the SLA clock.
    /// </summary>
    private InputResult Commit(TicketState before, TicketState after, string actor, string? note, DateTimeOffset now)
    {
        after = after with { UpdatedAt = now };
        _tickets[after.Id] = after;

        if (before.DispatchedAt is null && after.DispatchedAt is { } dispatchedAt && dispatchedAt >= _todayStart)
        {
            _dispatchMinutesSumToday += (dispatchedAt - after.ReportedAt).TotalMinutes;
            _dispatchCountToday++;
        }

        if (before.ClosedAt is { } wasClosedAt && after.ClosedAt is null)
        {
            _ticketsClosed.AddAggregate(wasClosedAt, -1, -1);
            if (wasClosedAt >= _todayStart)
            {
                _closedToday--;
                _closureHoursSumToday -= (wasClosedAt - before.ReportedAt).TotalHours;
                _closureCountToday--;
            }
        }

        if (before.ClosedAt is null && after.ClosedAt is { } closedAt)
        {
            _ticketsClosed.Add(closedAt);
            _closedToday++;
            _closureHoursSumToday += (closedAt - after.ReportedAt).TotalHours;
            _closureCountToday++;
        }

        if (before.Status.IsOpen() && !after.Status.IsOpen())
        {
            _backlog--;
            _duplicates.Remove(after.Id);
            foreach (var report in _mergedReports.GetValueOrDefault(after.Id) ?? [])
            {
                _duplicates.Remove(report);
            }
        }
        else if (!before.Status.IsOpen() && after.Status.IsOpen())
        {
            _backlog++;
            IndexCase(after);
        }

        if (after.StepDueAt is { } due && due != before.StepDueAt)
        {
            _slaChecks.Enqueue(new SlaCheck(after.Id, due, 1), due);
        }

        var transition = new TicketTransition(after.Id, before.Status, after.Status, now, actor, note is null ? null : FreeTextMask.Mask(note));
        _pendingEvents.Add(new TicketChanged(NextEventSequence(), now, after, transition));
        Version++;
        return InputResult.Ok;
    }

    /// <summary>A new report: offered as a possible duplicate, or merged, or a case of its own.</summary>
    private DuplicateMatch? AssessDuplicate(TicketReport report, string categoryCode) =>
        _options.Duplicates.Enabled ? _duplicates.Assess(categoryCode, report.Location, report.ReportedAt, report.Title + report.Description) : null;

    private void AfterReported(TicketState ticket, DuplicateMatch? match, DateTimeOffset now)
    {
        _duplicates.Add(ticket, ticket.Id);
        _slaChecks.Enqueue(new SlaCheck(ticket.Id, ticket.StepDueAt!.Value, 1), ticket.StepDueAt.Value);
        if (match is { Decision: DuplicateDecision.Merge } && _tickets.TryGetValue(match.CaseId, out var target))
        {
            MergeInto(ticket, target, "一口派单", match.ExplanationFor(ticket.Id), now);
        }
    }

    /// <summary>Overdue steps get 督办, one level more for each further full step limit they run over.</summary>
    private void SweepSla(DateTimeOffset now)
    {
        while (_slaChecks.TryPeek(out var check, out var at) && at <= now)
        {
            _slaChecks.Dequeue();
            if (!_tickets.TryGetValue(check.TicketId, out var ticket) || !ticket.Status.IsOpen() || ticket.StepDueAt != check.DueAt
                || StepLimit(ticket) is not { } limit)
            {
                continue;
            }

            if (check.Level < SupervisionLevels.Max)
            {
                _slaChecks.Enqueue(check with { Level = check.Level + 1 }, check.DueAt + limit * check.Level);
            }

            var updated = ticket with
            {
                OverdueSteps = check.Level == 1 ? ticket.OverdueSteps + 1 : ticket.OverdueSteps,
                SupervisionLevel = Math.Max(ticket.SupervisionLevel, check.Level),
            };
            if (updated == ticket)
            {
                continue;
            }

            var late = now - check.DueAt;
            var note = string.Create(CultureInfo.InvariantCulture,
                $"超时自动{SupervisionLevels.Name(check.Level)}：{ticket.Status.NameZh()}时限{ShanghaiClock.ToLocal(check.DueAt):MM-dd HH:mm}已超{late.TotalHours:F1}小时");
            Commit(ticket, updated, SystemSupervisor, note, now);
        }
    }

    private HashSet<string> MergedInto(string caseId)
    {
        if (!_mergedReports.TryGetValue(caseId, out var reports))
        {
            reports = new HashSet<string>(StringComparer.Ordinal);
            _mergedReports[caseId] = reports;
        }

        return reports;
    }

    /// <summary>An open case and the reports merged into it become findable for new duplicates.</summary>
    private void IndexCase(TicketState openCase)
    {
        _duplicates.Add(openCase, openCase.Id);
        foreach (var reportId in _mergedReports.GetValueOrDefault(openCase.Id) ?? [])
        {
            if (_tickets.TryGetValue(reportId, out var report))
            {
                _duplicates.Add(report, openCase.Id);
            }
        }
    }

    /// <summary>After a restore: merges, the duplicate index and the SLA clock, from the tickets alone.</summary>
    private void RebuildDispatchState(DateTimeOffset now)
    {
        foreach (var ticket in _tickets.Values)
        {
            if (ticket is { Status: TicketStatus.Merged, MergedIntoId: { } caseId })
            {
                MergedInto(caseId).Add(ticket.Id);
            }
        }

        foreach (var ticket in _tickets.Values.Where(t => t.Status.IsOpen()))
        {
            IndexCase(ticket);
            if (ticket.StepDueAt is { } due && StepLimit(ticket) is { } limit)
            {
                // A step that went overdue while the twin was down is supervised on the next tick.
                var level = now < due ? 1 : Math.Min(SupervisionLevels.Max, Math.Max(1, ticket.SupervisionLevel + 1));
                if (now < due || ticket.SupervisionLevel < SupervisionLevels.Max)
                {
                    _slaChecks.Enqueue(new SlaCheck(ticket.Id, due, level), due + limit * (level - 1));
                }
            }
        }
    }

    private void ResetDispatch()
    {
        _duplicates.Clear();
        _mergedReports.Clear();
        _slaChecks = new PriorityQueue<SlaCheck, DateTimeOffset>();
    }

    private readonly record struct SlaCheck(string TicketId, DateTimeOffset DueAt, int Level);
}
