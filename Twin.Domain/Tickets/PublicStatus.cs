namespace Twin.Domain.Tickets;

/// <summary>
/// What a citizen is told about their request at each step. Officers' notes name colleagues,
/// evidence and investigations, so public reads never show them; they show this text instead.
/// </summary>
public static class PublicStatus
{
    public static string TextZh(this TicketStatus status) => status switch
    {
        TicketStatus.Discovered => "已收到您的诉求，正在登记。",
        TicketStatus.Filed => "诉求已受理，正在分派至责任部门。",
        TicketStatus.Dispatched => "已派发至责任部门，等待处置。",
        TicketStatus.Handling => "责任部门正在处置。",
        TicketStatus.Review => "处置已完成，正在核查处置结果。",
        TicketStatus.Closed => "诉求已办结，感谢您的反映。",
        TicketStatus.Evaluated => "诉求已办结并完成回访评价。",
        TicketStatus.Merged => "已与反映同一问题的诉求合并办理。",
        _ => "诉求处理中。",
    };
}
