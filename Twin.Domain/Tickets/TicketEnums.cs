using Twin.Domain.Vocabulary;

namespace Twin.Domain.Tickets;

/// <summary>Where a ticket came in (一口派单 channels).</summary>
public enum TicketChannel
{
    Hotline12345,
    GridPatrol,
    SmartCase,
    AiVideo,
    VideoPatrol,
    CitizenApp,
    NonPolice110,
}

/// <summary>The closed loop: 发现 → 立案 → 派遣 → 处置 → 审核 → 结案 → 问效.</summary>
public enum TicketStatus
{
    Discovered,
    Filed,
    Dispatched,
    Handling,
    Review,
    Closed,
    Evaluated,

    /// <summary>
    /// 并案: joined another open case as a duplicate report. Last in the order so that it counts as
    /// not open and no forward status change can reach or leave it; a split returns it to Discovered.
    /// </summary>
    Merged,
}

public enum TicketPriority
{
    Low,
    Normal,
    High,
    Urgent,
}

public static class TicketStatusExtensions
{
    public static bool IsOpen(this TicketStatus status) => status < TicketStatus.Closed;

    /// <summary>The users' word for the step (发现, 立案, …).</summary>
    public static string NameZh(this TicketStatus status) => Names.Of(status).Zh;

    /// <summary>The channel as duty officers name it (12345热线, 随申拍, …).</summary>
    public static string NameZh(this TicketChannel channel) => Names.Of(channel).Zh;
}
