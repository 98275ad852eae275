using CommandCenter.Localization;
using Twin.Domain.Field;
using Twin.Domain.Tickets;
using Twin.Domain.Time;
using Twin.Domain.Vocabulary;

namespace CommandCenter.Components.Field;

/// <summary>Every word of the field view (一线通达), Chinese first.</summary>
public static class FieldText
{
    public static string PageTitle => T("一线通达 · 我的任务", "Field · My tasks");
    public static string Brand => T("一线通达", "Field");
    public static string MyTasks => T("我的任务", "My tasks");
    public static string ByDeadline => T("按处置时限排序", "Soonest deadline first");
    public static string NoTasks => T("暂无待办任务", "No tasks for now");
    public static string Connecting => T("正在连接…", "Connecting…");
    public static string Back => T("返回任务列表", "Back to my tasks");
    public static string Deadline => T("时限", "Due");
    public static string Overdue => T("已超时", "Overdue");
    public static string Place => T("位置", "Place");
    public static string OpenInMaps => T("在地图应用中导航", "Navigate in the maps app");
    public static string Description => T("情况描述", "What was reported");
    public static string Accept => T("接单", "Accept");
    public static string Accepted => T("已接单，请前往现场处置", "Accepted: go and handle it");
    public static string VerifyNote => T("现场核实情况", "What you found on site");
    public static string VerifyNoteHelp => T("如：现场确有占道堆物约10平方米", "e.g. about 10 m² of goods block the pavement");
    public static string VerifyNoteRequired => T("请填写现场核实情况", "Say what you found on site");
    public static string VerifyFile => T("核实属实 · 立案", "Confirmed · file the case");
    public static string VerifyClose => T("核实不属实 · 不予立案", "Not found · close without a case");
    public static string Filed => T("已立案，等待派遣", "Filed: waiting for dispatch");
    public static string ClosedNotFound => T("已核实不属实，不予立案", "Closed: not found on site");
    public static string HandlingNote => T("处置情况", "What was done");
    public static string HandlingNoteHelp => T("如：已清理占道杂物，现场恢复通行", "e.g. cleared the pavement, passage restored");
    public static string Photos => T("现场照片", "Photos");
    public static string PickPhotos => T("拍照或选择照片", "Take or choose photos");
    public static string PhotosHelp => T(
        $"JPEG 或 PNG，最多 {FieldRules.MaxPhotos} 张；照片中的位置信息仅存入证据记录，不随图片展示",
        $"JPEG or PNG, up to {FieldRules.MaxPhotos}; a photo's location is kept in the evidence record only, never shown with the image");
    public static string Submit => T("提交审核", "Submit for review");
    public static string Submitted => T("已提交审核，等待指挥中心审核", "Submitted: waiting for the centre's review");
    public static string NoteRequired => T("请填写处置情况", "Say what was done");
    public static string Evidence => T("已提交的处置反馈", "Submitted handling report");
    public static string ExifPlace => T("拍摄位置（仅证据记录）", "Taken at (evidence record only)");
    public static string TakenAt => T("拍摄时间", "Taken");
    public static string NoExifPlace => T("照片未含位置信息", "No location in photo");
    public static string NoExifTime => T("照片未记录拍摄时间，按上传时间", "No time in photo; uploaded");

    public static string FromCase(double metres) => T($"距案发点{metres:F0}米", $"{metres:F0} m from the case");

    public static string NotYours => T("该工单不在本单位的任务中", "This ticket is not among your organisation's tasks");

    public static string QueuedHere => T("处置反馈已保存在手机上，有网络时自动提交（不会重复提交）",
        "The report is kept on this phone and is submitted when there is a connection (never twice)");

    /// <summary>The words js/fieldoutbox.js draws while the server may be out of reach.</summary>
    public static IReadOnlyDictionary<string, string> Outbox() => new Dictionary<string, string>
    {
        ["pending"] = T("{0} 条待发送", "{0} waiting to send"),
        ["offline"] = T("无网络，恢复后自动发送", "no connection: sent when it returns"),
        ["sending"] = T("正在发送…", "sending…"),
        ["refused"] = T("未被受理", "Refused"),
        ["remove"] = T("移除", "Remove"),
        ["noteRequired"] = NoteRequired,
    };

    public static string TooLarge(string name, long max) =>
        T($"照片“{name}”超过 {max / 1024 / 1024} MB", $"Photo '{name}' is larger than {max / 1024 / 1024} MB");

    public static string Heic(string name) => T(
        $"照片“{name}”是 HEIC 格式，无法上传：请在“设置 → 相机 → 格式”中选择“最兼容”",
        $"Photo '{name}' is HEIC and cannot be uploaded: choose 'Most Compatible' in Settings → Camera → Formats");

    public static string WrongType(string name) => T($"照片“{name}”不是 JPEG 或 PNG", $"Photo '{name}' is not a JPEG or PNG");

    public static string TooMany => T($"最多 {FieldRules.MaxPhotos} 张照片", $"At most {FieldRules.MaxPhotos} photos");

    public static string Status(TicketStatus status) => status switch
    {
        TicketStatus.Discovered => T("待核实", "To verify"),
        TicketStatus.Dispatched => T("待接单", "To accept"),
        TicketStatus.Handling => T("处置中", "Handling"),
        TicketStatus.Review => T("待审核", "In review"),
        _ => Names.Of(status).Text(Language.Current),
    };

    /// <summary>A time as the crew reads it: Shanghai, month-day hour:minute.</summary>
    public static string Time(DateTimeOffset at) => ShanghaiClock.ToLocal(at).ToString("MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    private static string T(string zh, string en) => Language.Current.Pick(zh, en);
}
