using System.Globalization;
using Twin.Domain.Dispatch;
using Twin.Domain.Tickets;
using Twin.Domain.Time;

namespace CommandCenter.Components.Console;

/// <summary>What the duty officer reads: Chinese names for the domain's enums, and Shanghai times.</summary>
public static class ConsoleText
{
    public static string Status(TicketStatus status) => status.NameZh();

    public static string Channel(TicketChannel channel) => channel.NameZh();

    public static string Priority(TicketPriority priority) => priority switch
    {
        TicketPriority.Low => "低",
        TicketPriority.Normal => "一般",
        TicketPriority.High => "高",
        TicketPriority.Urgent => "紧急",
        _ => priority.ToString(),
    };

    public static string Action(DispatchAction action) => action switch
    {
        DispatchAction.File => "立案",
        DispatchAction.Dispatch => "派遣",
        DispatchAction.Accept => "接单",
        DispatchAction.AddCoordinatingDepartment => "增加协同部门",
        DispatchAction.Refuse => "退单",
        DispatchAction.SubmitForReview => "提交审核",
        DispatchAction.Approve => "审核通过",
        DispatchAction.Reject => "审核驳回",
        DispatchAction.Close => "直接结案",
        DispatchAction.Evaluate => "评价",
        DispatchAction.Reopen => "重新处置",
        DispatchAction.Supervise => "督办",
        DispatchAction.Merge => "并案",
        DispatchAction.Split => "拆案",
        _ => action.ToString(),
    };

    /// <summary>A UTC instant as the officer's wall clock shows it (Asia/Shanghai).</summary>
    public static string Time(DateTimeOffset utc) =>
        ShanghaiClock.ToLocal(utc).ToString("MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    public static string Percent(double? rate) =>
        rate is { } r ? r.ToString("P0", CultureInfo.InvariantCulture) : "—";

    public static string Hours(double? hours) =>
        hours is { } h ? h.ToString("0.0", CultureInfo.InvariantCulture) + " h" : "—";
}
