using Twin.Domain.Tickets;
using Twin.Domain.Time;

namespace CommandCenter.Components.Console;

/// <summary>How far back the queue looks, by the time a ticket was reported.</summary>
public enum QueueRange
{
    All,

    /// <summary>Since midnight, Shanghai time.</summary>
    Today,
    Day,
    Week,
}

/// <summary>The queue's order.</summary>
public enum QueueSort
{
    /// <summary>Most urgent first, then the step due soonest, then the newest: what to look at next on top.</summary>
    Attention,

    /// <summary>Most urgent first, then the newest report: the latest 紧急 case on top.</summary>
    Priority,

    /// <summary>The newest report first, whatever its priority.</summary>
    Newest,
}

/// <summary>
/// The queue's filters and order. Empty strings mean "any"; <see cref="Status"/> is a <see cref="TicketStatus"/>
/// name or <see cref="OpenOnly"/>, the default, because the desk works on what is still open.
/// <see cref="Text"/> finds a ticket by a piece of its id, title, description or address;
/// <see cref="Priority"/> is a <see cref="TicketPriority"/> name.
/// </summary>
public sealed record QueueFilter(
    string Channel = "", string Category = "", string SubDistrict = "", string Status = QueueFilter.OpenOnly, bool OverdueOnly = false, string Text = "",
    string Priority = "", QueueRange Range = QueueRange.All, QueueSort Sort = QueueSort.Attention)
{
    public const string OpenOnly = "open";

    public static bool IsOverdue(TicketState ticket, DateTimeOffset now) =>
        ticket.Status.IsOpen() && ticket.StepDueAt is { } due && due < now;

    /// <summary>The earliest report time <paramref name="range"/> lets through at <paramref name="now"/>; null for all.</summary>
    public static DateTimeOffset? Since(QueueRange range, DateTimeOffset now) => range switch
    {
        QueueRange.Today => ShanghaiClock.StartOfDay(now),
        QueueRange.Day => now.AddHours(-24),
        QueueRange.Week => now.AddDays(-7),
        _ => null,
    };

    public bool Matches(TicketState ticket, DateTimeOffset now) =>
        (Channel.Length == 0 || ticket.Channel.ToString() == Channel)
        && (Category.Length == 0 || ticket.CategoryCode == Category)
        && (SubDistrict.Length == 0 || ticket.SubDistrictCode == SubDistrict)
        && (Status == OpenOnly ? ticket.Status.IsOpen() : Status.Length == 0 || ticket.Status.ToString() == Status)
        && (!OverdueOnly || IsOverdue(ticket, now))
        && (Priority.Length == 0 || ticket.Priority.ToString() == Priority)
        && (Since(Range, now) is not { } since || ticket.ReportedAt >= since)
        && (Text.Length == 0 || Contains(ticket.Id) || Contains(ticket.Title) || Contains(ticket.Description) || Contains(ticket.Address));

    private bool Contains(string field) => field.Contains(Text.Trim(), StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The matching tickets in <see cref="Sort"/>'s order. By default most urgent first; within a
    /// priority the step due soonest (a step without a deadline after those with one), then the
    /// newest report: what the desk has to look at next is at the top.
    /// </summary>
    public IReadOnlyList<TicketState> Apply(IEnumerable<TicketState> tickets, DateTimeOffset now)
    {
        var matching = tickets.Where(t => Matches(t, now));
        var ordered = Sort switch
        {
            QueueSort.Priority => matching.OrderByDescending(t => t.Priority).ThenByDescending(t => t.ReportedAt),
            QueueSort.Newest => matching.OrderByDescending(t => t.ReportedAt),
            _ => matching.OrderByDescending(t => t.Priority).ThenBy(t => t.StepDueAt ?? DateTimeOffset.MaxValue).ThenByDescending(t => t.ReportedAt),
        };
        return ordered.ThenByDescending(t => t.Id, StringComparer.Ordinal).ToList();
    }
}
