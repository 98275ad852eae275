using Twin.Domain.Tickets;

namespace Twin.Data.Tickets;

/// <summary>One transition of a ticket, append-only; <see cref="FromStatus"/> is null for its creation.</summary>
public sealed class TicketHistoryRow
{
    public long Id { get; set; }

    public required string TicketId { get; set; }

    public TicketStatus? FromStatus { get; set; }

    public TicketStatus ToStatus { get; set; }

    public DateTimeOffset At { get; set; }

    public required string Actor { get; set; }

    public string? Note { get; set; }

    public TicketTransition ToTransition() => new(TicketId, FromStatus, ToStatus, At, Actor, Note);
}
