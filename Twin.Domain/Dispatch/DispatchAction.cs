using Twin.Domain.Tickets;

namespace Twin.Domain.Dispatch;

public enum DispatchAction
{
    File,
    Dispatch,
    Accept,
    AddCoordinatingDepartment,
    Refuse,
    SubmitForReview,
    Approve,
    Reject,
    Close,
    Evaluate,
    Reopen,
    Supervise,
    Merge,
    Split,

    /// <summary>改派: a supervisor moves a dispatched or handled case to another department.</summary>
    Reassign,

    /// <summary>处置反馈: the handling department records what it did so far, the case staying in handling.</summary>
    RecordHandling,
}

/// <summary>
/// The state table of the loop: from which statuses each action is legal. Actions whose target
/// depends on the input (evaluate: satisfied or not) or that keep the status (supervise, add a
/// coordinating department, record handling) are resolved by the engine; this table is the single place that says
/// what may happen when.
/// </summary>
public static class DispatchRules
{
    private static readonly TicketStatus[] OpenStatuses =
        [TicketStatus.Discovered, TicketStatus.Filed, TicketStatus.Dispatched, TicketStatus.Handling, TicketStatus.Review];

    public static IReadOnlyList<TicketStatus> LegalFrom(DispatchAction action) => action switch
    {
        DispatchAction.File => [TicketStatus.Discovered],
        DispatchAction.Dispatch => [TicketStatus.Filed],
        DispatchAction.Accept => [TicketStatus.Dispatched],
        DispatchAction.AddCoordinatingDepartment => [TicketStatus.Dispatched, TicketStatus.Handling],
        DispatchAction.Refuse => [TicketStatus.Dispatched],
        DispatchAction.SubmitForReview => [TicketStatus.Handling],
        DispatchAction.Approve => [TicketStatus.Review],
        DispatchAction.Reject => [TicketStatus.Review],
        DispatchAction.Close => [TicketStatus.Discovered, TicketStatus.Filed],
        DispatchAction.Evaluate => [TicketStatus.Closed],
        DispatchAction.Reopen => [TicketStatus.Closed, TicketStatus.Evaluated],
        DispatchAction.Supervise => OpenStatuses,

        // A report that is already being handled has its own department and history: merge before dispatch.
        DispatchAction.Merge => [TicketStatus.Discovered, TicketStatus.Filed],
        DispatchAction.Split => [TicketStatus.Merged],
        DispatchAction.Reassign => [TicketStatus.Dispatched, TicketStatus.Handling],
        DispatchAction.RecordHandling => [TicketStatus.Handling],
        _ => [],
    };

    public static bool IsLegal(DispatchAction action, TicketStatus from) => LegalFrom(action).Contains(from);

    /// <summary>The status an action leads to (the same status for supervise and add-coordinating).</summary>
    public static TicketStatus Target(DispatchAction action, TicketStatus from, bool satisfied = true) => action switch
    {
        DispatchAction.File => TicketStatus.Filed,
        DispatchAction.Dispatch => TicketStatus.Dispatched,
        DispatchAction.Accept => TicketStatus.Handling,
        DispatchAction.Refuse => TicketStatus.Filed,
        DispatchAction.SubmitForReview => TicketStatus.Review,
        DispatchAction.Approve => TicketStatus.Closed,
        DispatchAction.Reject => TicketStatus.Handling,
        DispatchAction.Close => TicketStatus.Closed,
        DispatchAction.Evaluate => satisfied ? TicketStatus.Evaluated : TicketStatus.Handling,
        DispatchAction.Reopen => TicketStatus.Handling,
        DispatchAction.Merge => TicketStatus.Merged,
        DispatchAction.Split => TicketStatus.Discovered,
        DispatchAction.Reassign => TicketStatus.Dispatched,
        _ => from,
    };
}

/// <summary>督办 levels: 1 一般督办 (the step is late), 2 挂牌督办 (late by another full limit), 3 区领导督办.</summary>
public static class SupervisionLevels
{
    public const int Max = 3;

    public static string Name(int level) => level switch
    {
        1 => "一般督办",
        2 => "挂牌督办",
        3 => "区领导督办",
        _ => "未督办",
    };
}
