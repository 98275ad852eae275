using Twin.Domain.Tickets;

namespace CommandCenter.Components.Console;

public enum Relation
{
    /// <summary>The case this ticket was merged into, or the case it may duplicate.</summary>
    Case,

    /// <summary>A report merged into this ticket's case.</summary>
    MergedReport,

    /// <summary>A report offered as a possible duplicate of this ticket.</summary>
    Candidate,
}

/// <summary>A ticket shown beside the one open in the view, with why the two belong together.</summary>
public sealed record RelatedTicket(TicketState Ticket, Relation Relation, string Explanation);
