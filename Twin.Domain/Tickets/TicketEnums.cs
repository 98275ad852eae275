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

/// <summary>The closed loop: 发现 → 立案 → 派遣 → 处置 → 审核 → 结案 → 评价.</summary>
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
    public static string NameZh(this TicketStatus status) => status switch
    {
        TicketStatus.Discovered => "发现",
        TicketStatus.Filed => "立案",
        TicketStatus.Dispatched => "派遣",
        TicketStatus.Handling => "处置",
        TicketStatus.Review => "审核",
        TicketStatus.Closed => "结案",
        TicketStatus.Evaluated => "评价",
        TicketStatus.Merged => "并案",
        _ => status.ToString(),
    };

    /// <summary>The channel as duty officers name it (12345热线, 随申拍, …).</summary>
    public static string NameZh(this TicketChannel channel) => channel switch
    {
        TicketChannel.Hotline12345 => "12345热线",
        TicketChannel.GridPatrol => "网格巡查",
        TicketChannel.SmartCase => "智能案件",
        TicketChannel.AiVideo => "AI视频",
        TicketChannel.VideoPatrol => "视频轮巡",
        TicketChannel.CitizenApp => "随申拍",
        TicketChannel.NonPolice110 => "110非警务",
        _ => channel.ToString(),
    };
}
