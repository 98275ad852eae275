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

    /// <summary>来电: a call taken at the duty desk and filed by the officer (not through 12345).</summary>
    DeskCall,

    /// <summary>来信: a letter to the centre, filed by the officer who reads it.</summary>
    DeskLetter,

    /// <summary>来访: a citizen who came to the centre in person.</summary>
    DeskVisit,

    /// <summary>其他: any other way a case reached the desk (a colleague, a meeting, the press).</summary>
    DeskOther,
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

    /// <summary>来电, 来信, 来访, 其他: cases filed by hand at the duty desk, never by a feed or the simulator.</summary>
    public static bool IsDesk(this TicketChannel channel) => channel >= TicketChannel.DeskCall;

    /// <summary>The users' word for the step (发现, 立案, …).</summary>
    public static string NameZh(this TicketStatus status) => Names.Of(status).Zh;

    /// <summary>The channel as duty officers name it (12345热线, 随申拍, …).</summary>
    public static string NameZh(this TicketChannel channel) => Names.Of(channel).Zh;
}
