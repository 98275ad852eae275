using Twin.Domain.Tickets;

namespace CommandCenter.Components.Console;

/// <summary>
/// The queue's filters. Empty strings mean "any"; <see cref="Status"/> is a <see cref="TicketStatus"/>
/// name or <see cref="OpenOnly"/>, the default, because the desk works on what is still open.
/// <see cref="Text"/> finds a ticket by a piece of its id, title, description or address.
/// </summary>
public sealed record QueueFilter(
    string Channel = "", string Category = "", string SubDistrict = "", string Status = QueueFilter.OpenOnly, bool OverdueOnly = false, string Text = "")
{
    public const string OpenOnly = "open";

    public static bool IsOverdue(TicketState ticket, DateTimeOffset now) =>
        ticket.Status.IsOpen() && ticket.StepDueAt is { } due && due < now;

    public bool Matches(TicketState ticket, DateTimeOffset now) =>
        (Channel.Length == 0 || ticket.Channel.ToString() == Channel)
        && (Category.Length == 0 || ticket.CategoryCode == Category)
        && (SubDistrict.Length == 0 || ticket.SubDistrictCode == SubDistrict)
        && (Status == OpenOnly ? ticket.Status.IsOpen() : Status.Length == 0 || ticket.Status.ToString() == Status)
        && (!OverdueOnly || IsOverdue(ticket, now))
        && (Text.Length == 0 || Contains(ticket.Id) || Contains(ticket.Title) || Contains(ticket.Description) || Contains(ticket.Address));

    private bool Contains(string field) => field.Contains(Text.Trim(), StringComparison.OrdinalIgnoreCase);

    /// <summary>Newest first: what has just come in is what the desk has to look at.</summary>
    public IReadOnlyList<TicketState> Apply(IEnumerable<TicketState> tickets, DateTimeOffset now) =>
        tickets.Where(t => Matches(t, now)).OrderByDescending(t => t.ReportedAt).ThenByDescending(t => t.Id, StringComparer.Ordinal).ToList();
}
