using Twin.Domain.Tickets;

namespace Twin.Domain.Dispatch;

/// <summary>
/// How long after closing a ticket's 评价 is taken: a citizen's verdict weeks later judges
/// something else than the closure, so after the window the case stays closed unjudged (the
/// engine refuses, the console offers nothing).
/// </summary>
public sealed record EvaluationWindow(TimeSpan Length)
{
    public static EvaluationWindow Default { get; } = new(TimeSpan.FromHours(72));

    public bool IsOpen(TicketState ticket, DateTimeOffset now) =>
        ticket.Status == TicketStatus.Closed && ticket.ClosedAt is { } closed && now - closed <= Length;
}
