using Twin.Domain.Engine;

namespace Twin.Domain.Dispatch;

/// <summary>An action of the closed loop on one ticket, taken by a person or a department (<see cref="By"/>).</summary>
public abstract record DispatchCommand(string TicketId, string By) : TwinCommand
{
    public abstract DispatchAction Action { get; }
}

/// <summary>立案: the centre accepts the report as a case.</summary>
public sealed record FileTicketCommand(string TicketId, string By, string? Note = null) : DispatchCommand(TicketId, By)
{
    public override DispatchAction Action => DispatchAction.File;
}

/// <summary>派遣: to <paramref name="Department"/>, or to the catalogue's owner for the ticket's 街镇 when null.</summary>
public sealed record DispatchTicketCommand(string TicketId, string By, string? Department = null) : DispatchCommand(TicketId, By)
{
    public override DispatchAction Action => DispatchAction.Dispatch;
}

/// <summary>The department takes the dispatched case on (接单) and starts handling it.</summary>
public sealed record AcceptDispatchCommand(string TicketId, string By) : DispatchCommand(TicketId, By)
{
    public override DispatchAction Action => DispatchAction.Accept;
}

/// <summary>协同处置: another department joins the lead department.</summary>
public sealed record AddCoordinatingDepartmentCommand(string TicketId, string By, string Department) : DispatchCommand(TicketId, By)
{
    public override DispatchAction Action => DispatchAction.AddCoordinatingDepartment;
}

/// <summary>退单: the department says the case is not its duty; it goes back to the dispatcher.</summary>
public sealed record RefuseDispatchCommand(string TicketId, string By, string Reason) : DispatchCommand(TicketId, By)
{
    public override DispatchAction Action => DispatchAction.Refuse;
}

public sealed record SubmitForReviewCommand(string TicketId, string By, string? Note = null) : DispatchCommand(TicketId, By)
{
    public override DispatchAction Action => DispatchAction.SubmitForReview;
}

/// <summary>审核通过: the reviewer accepts the handling and the case is closed (结案).</summary>
public sealed record ApproveReviewCommand(string TicketId, string By, string? Note = null) : DispatchCommand(TicketId, By)
{
    public override DispatchAction Action => DispatchAction.Approve;
}

/// <summary>审核驳回: back to the department for more handling.</summary>
public sealed record RejectReviewCommand(string TicketId, string By, string Reason) : DispatchCommand(TicketId, By)
{
    public override DispatchAction Action => DispatchAction.Reject;
}

/// <summary>结案 without dispatch (不予立案, already resolved, not a matter for the centre): from discovered or filed only.</summary>
public sealed record CloseTicketCommand(string TicketId, string By, string Reason) : DispatchCommand(TicketId, By)
{
    public override DispatchAction Action => DispatchAction.Close;
}

/// <summary>评价: a satisfied citizen ends the loop; a dissatisfied one reopens the case for handling.</summary>
public sealed record EvaluateTicketCommand(string TicketId, string By, bool Satisfied, string? Note = null) : DispatchCommand(TicketId, By)
{
    public override DispatchAction Action => DispatchAction.Evaluate;
}

/// <summary>重新处置 of a closed or evaluated case, e.g. after a complaint that the problem came back.</summary>
public sealed record ReopenTicketCommand(string TicketId, string By, string Reason) : DispatchCommand(TicketId, By)
{
    public override DispatchAction Action => DispatchAction.Reopen;
}

/// <summary>督办 by a supervisor, at <see cref="SupervisionLevels"/> 1–3; only ever raises the level.</summary>
public sealed record SuperviseTicketCommand(string TicketId, string By, int Level, string Reason) : DispatchCommand(TicketId, By)
{
    public override DispatchAction Action => DispatchAction.Supervise;
}

/// <summary>并案 by an officer, e.g. accepting an offered duplicate candidate.</summary>
public sealed record MergeTicketCommand(string TicketId, string By, string IntoTicketId) : DispatchCommand(TicketId, By)
{
    public override DispatchAction Action => DispatchAction.Merge;
}

/// <summary>拆案: undoes a merge; the report becomes a case of its own again (discovered).</summary>
public sealed record SplitTicketCommand(string TicketId, string By, string Reason) : DispatchCommand(TicketId, By)
{
    public override DispatchAction Action => DispatchAction.Split;
}

/// <summary>改派 by a supervisor: the case goes to <paramref name="Department"/> as newly dispatched (its handling clock restarts).</summary>
public sealed record ReassignTicketCommand(string TicketId, string By, string Department, string Reason) : DispatchCommand(TicketId, By)
{
    public override DispatchAction Action => DispatchAction.Reassign;
}

/// <summary>处置反馈: what the handling department did so far, written into the case's history.</summary>
public sealed record RecordHandlingCommand(string TicketId, string By, string Note) : DispatchCommand(TicketId, By)
{
    public override DispatchAction Action => DispatchAction.RecordHandling;
}
