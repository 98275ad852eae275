using Twin.Domain.Catalogue;
using Twin.Domain.Dispatch;
using Twin.Domain.Engine;
using Twin.Domain.Tickets;
using Twin.Domain.Time;

namespace Twin.Domain.Simulation;

/// <summary>
/// Each simulated ticket's path through the loop, planned when it is filed. Forward moves go the
/// simulated staff's way (<see cref="ChangeTicketStatusCommand"/>); 退单, re-dispatch, the citizens'
/// 回访 and reopenings are the loop's own actions, marked <see cref="DispatchCommand.BySimulatedStaff"/>
/// so that the engine keeps them off a ticket a person has taken and does not let them claim it.
/// </summary>
public sealed partial class TwinSimulator
{
    /// <summary>
    /// Of the dispatched tickets whose responsibility list names two departments (the 街镇's own team
    /// and the district's), the share the first one sends back as not its duty (退单).
    /// </summary>
    private const double RefusedShare = 0.12;

    /// <summary>Of the evaluated tickets, the share whose citizen is not satisfied: the engine reopens them.</summary>
    private const double UnsatisfiedShare = 0.08;

    /// <summary>Of the closed tickets not evaluated, the share reopened (重新处置) because the problem came back.</summary>
    private const double ReopenedShare = 0.02;

    private static readonly string[] UnsatisfiedReasons = ["问题未解决", "处置不及时", "未联系本人", "问题反复出现"];

    private static readonly string[] RefusalReasons = ["非本单位职责，请改派区级部门", "不属本街镇管辖范围，请改派"];

    private enum StepKind
    {
        /// <summary>On along the loop, one or more statuses: simulated staff's status change.</summary>
        Forward,

        /// <summary>退单 by the department the case was dispatched to.</summary>
        Refuse,

        /// <summary>派遣 again after a 退单, to the next department of the responsibility list.</summary>
        Redispatch,

        /// <summary>The citizen's verdict at the 回访; a dissatisfied one reopens the case.</summary>
        Evaluate,

        /// <summary>重新处置 of a closed case.</summary>
        Reopen,
    }

    private TicketStep[] PlanSteps(EventCategory category, TicketReport report, Random rng) =>
        PlanSteps(category, report.Channel, _district.SubDistrictFor(report.Location).Code, report.ReportedAt, rng);

    /// <summary>
    /// The loop for one ticket: filed within minutes, dispatched (now and then sent back and
    /// dispatched again) and handled within the category's limits (one step overrun for
    /// <see cref="SimulatorOptions.OverdueShare"/> of tickets), reviewed, closed, and then sometimes
    /// evaluated (a dissatisfied citizen reopening it) or reopened, and closed again. An evaluation or
    /// reopening must come before the engine forgets the closed ticket (at the second Shanghai
    /// midnight after it was reported), or it is left out.
    /// </summary>
    private TicketStep[] PlanSteps(EventCategory category, TicketChannel channel, string subDistrictCode, DateTimeOffset reportedAt, Random rng)
    {
        var limits = category.TimeLimits;
        var haste = category.DefaultPriority >= TicketPriority.High ? 0.4 : 1.0;
        var overdueStep = rng.NextDouble() < _options.OverdueShare ? rng.Next(2) : -1;
        double Between(double low, double high) => low + (high - low) * rng.NextDouble();

        var filed = reportedAt.AddMinutes(Between(1, 10) * haste);
        var dispatched = Later(reportedAt + limits.Dispatch * (overdueStep == 0 ? Between(1.1, 2.0) : Between(0.1, 0.8)), filed.AddMinutes(1));
        var owner = category.DepartmentFor(subDistrictCode);
        var steps = new List<TicketStep>
        {
            new(TicketStatus.Filed, filed, "城运中心受理员", "立案"),
            new(TicketStatus.Dispatched, dispatched, "城运中心派单员", overdueStep == 0 ? $"派至{owner}（超派遣时限）" : $"派至{owner}"),
        };

        // The handling clock starts at the dispatch that stuck.
        if (category.ResponsibleFor(subDistrictCode).Count > 1 && rng.NextDouble() < RefusedShare)
        {
            var refused = dispatched.AddMinutes(Between(10, 90) * haste);
            steps.Add(new TicketStep(TicketStatus.Filed, refused, owner, RefusalReasons[rng.Next(RefusalReasons.Length)], StepKind.Refuse));
            dispatched = refused + limits.Dispatch * Between(0.05, 0.4);
            steps.Add(new TicketStep(TicketStatus.Dispatched, dispatched, "城运中心派单员", null, StepKind.Redispatch));
        }

        var handling = dispatched.AddMinutes(Between(5, 45) * haste);
        var review = Later(dispatched + limits.Handle * (overdueStep == 1 ? Between(1.05, 1.6) : Between(0.15, 0.85)), handling.AddMinutes(1));
        var closed = review + limits.Review * Between(0.05, 0.6);
        steps.Add(new TicketStep(TicketStatus.Handling, handling, category.Department, "已接单处置"));
        steps.Add(new TicketStep(TicketStatus.Review, review, "城运中心督办员", overdueStep == 1 ? "处置超时限，督办后完成，提交审核" : "处置完成，提交审核"));
        steps.Add(new TicketStep(TicketStatus.Closed, closed, "城运中心", "审核通过，结案"));

        var forgottenAt = ShanghaiClock.StartOfDay(reportedAt).AddDays(2).AddHours(-1);
        var after = rng.NextDouble();
        if (after < _options.EvaluatedShare)
        {
            var evaluated = closed.AddHours(Between(1, 12));
            var satisfied = rng.NextDouble() >= UnsatisfiedShare;
            var note = satisfied ? (rng.NextDouble() < 0.7 ? null : "基本满意") : UnsatisfiedReasons[rng.Next(UnsatisfiedReasons.Length)];
            if (evaluated < forgottenAt)
            {
                var byCitizen = channel is TicketChannel.Hotline12345 or TicketChannel.CitizenApp or TicketChannel.NonPolice110;
                steps.Add(new TicketStep(satisfied ? TicketStatus.Evaluated : TicketStatus.Handling, evaluated, byCitizen ? "市民回访" : "城运中心评效", note, StepKind.Evaluate, satisfied));
                if (!satisfied)
                {
                    HandleAgain(steps, limits, evaluated, Between);
                }
            }
        }
        else if (after < _options.EvaluatedShare + (1 - _options.EvaluatedShare) * ReopenedShare)
        {
            var reopened = closed.AddHours(Between(2, 20));
            if (reopened < forgottenAt)
            {
                steps.Add(new TicketStep(TicketStatus.Handling, reopened, "城运中心", "市民反映问题复现", StepKind.Reopen));
                HandleAgain(steps, limits, reopened, Between);
            }
        }

        return [.. steps];
    }

    /// <summary>A reopened case is handled again within its limits and closed again.</summary>
    private static void HandleAgain(List<TicketStep> steps, StepTimeLimits limits, DateTimeOffset reopened, Func<double, double, double> between)
    {
        var review = reopened + limits.Handle * between(0.15, 0.7);
        steps.Add(new TicketStep(TicketStatus.Review, review, "城运中心督办员", "重新处置完成，提交审核"));
        steps.Add(new TicketStep(TicketStatus.Closed, review + limits.Review * between(0.05, 0.6), "城运中心", "审核通过，结案"));
    }

    /// <param name="To">the status the step leads to</param>
    /// <param name="Note">the step's note; the reason of a 退单, a dissatisfied verdict or a reopening</param>
    /// <param name="Satisfied">an evaluation's verdict</param>
    private readonly record struct TicketStep(
        TicketStatus To, DateTimeOffset At, string Actor, string? Note, StepKind Kind = StepKind.Forward, bool Satisfied = true)
    {
        /// <summary>
        /// Whether the step is still to take on a ticket that a snapshot shows at <paramref name="status"/>:
        /// not once a duty officer has moved the ticket past it, and never on a merged report, which
        /// has no loop of its own. The snapshot may not show yet the step just before, emitted in the
        /// same call, so an earlier status still counts.
        /// </summary>
        public bool IsDue(TicketStatus status) => status != TicketStatus.Merged && Kind switch
        {
            StepKind.Refuse or StepKind.Redispatch => status <= TicketStatus.Dispatched,
            StepKind.Evaluate => status <= TicketStatus.Closed,
            StepKind.Reopen => status <= TicketStatus.Evaluated,
            _ => status < To,
        };

        public TwinCommand Command(string ticketId) => Kind switch
        {
            StepKind.Refuse => new RefuseDispatchCommand(ticketId, Actor, Note!) { BySimulatedStaff = true },
            StepKind.Redispatch => new DispatchTicketCommand(ticketId, Actor) { BySimulatedStaff = true },
            StepKind.Evaluate => new EvaluateTicketCommand(ticketId, Actor, Satisfied, Note) { BySimulatedStaff = true },
            StepKind.Reopen => new ReopenTicketCommand(ticketId, Actor, Note!) { BySimulatedStaff = true },
            _ => new ChangeTicketStatusCommand(ticketId, To, Actor, Note),
        };
    }

    private sealed class TicketPlan(string id, TicketStep[] steps)
    {
        public string Id { get; } = id;

        public TicketStep[] Steps { get; } = steps;

        public int Next { get; set; }
    }
}
