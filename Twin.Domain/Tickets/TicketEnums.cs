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
}
