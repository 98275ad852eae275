using System.Globalization;
using CommandCenter.Localization;
using Twin.Domain.Dispatch;
using Twin.Domain.Geography;

namespace CommandCenter.Components.Console.Intake;

/// <summary>The words of the desk's new-case form (新建工单), zh-CN first.</summary>
public static class NewCaseText
{
    public static string Title => T("新建工单", "New case");
    public static string Channel => T("来源渠道", "Channel");
    public static string Category => T("事项类别（可搜索）", "Category (type to search)");
    public static string Place => T("街镇 / 居委（可搜索）", "Place (type to search)");
    public static string Address => T("详细地址（可选）", "Street address (optional)");
    public static string Description => T("诉求内容", "What the caller reports");
    public static string CallerName => T("来电人姓名（可选，加密保存）", "Caller's name (optional, stored encrypted)");
    public static string CallerPhone => T("联系电话（可选，加密保存）", "Caller's phone (optional, stored encrypted)");
    public static string Submit => T("提交工单", "File the case");
    public static string Cancel => T("取消", "Cancel");
    public static string KeysHint => T("Tab 切换栏目 · Enter 提交 · Esc 关闭", "Tab moves between fields · Enter files · Esc closes");
    public static string NoMatch => T("没有匹配项", "Nothing matches");

    public static string ChooseCategory => T("请选择事项类别。", "Choose a category.");
    public static string ChoosePlace => T("请选择街镇或居委。", "Choose a sub-district or neighbourhood.");
    public static string EnterDescription => T("请填写诉求内容。", "Write what the caller reports.");
    public static string DescriptionTooLong(int max) => T($"诉求内容不能超过 {max} 字。", $"The report may hold at most {max} characters.");
    public static string AddressTooLong(int max) => T($"地址不能超过 {max} 字。", $"The address may hold at most {max} characters.");
    public static string NameTooLong(int max) => T($"姓名不能超过 {max} 字。", $"The name may hold at most {max} characters.");
    public static string BadPhone => T("电话号码只能包含数字、空格、+、- 和括号。", "A phone number holds only digits, spaces, +, - and brackets.");
    public static string Refused(string reason) => T($"未能提交：{reason}", $"Not filed: {reason}");

    /// <summary>
    /// The duplicate detector's judgement of the draft in the desk's language: which case, what
    /// submitting would do (join it, or be offered as its duplicate) and the figures behind it.
    /// </summary>
    public static string Duplicate(DuplicateMatch match, bool sameCategory, string categoryName)
    {
        var inHours = match.TimeGap.TotalMinutes >= 120;
        var gap = Invariant(inHours ? match.TimeGap.TotalHours : match.TimeGap.TotalMinutes, inHours ? "F1" : "F0");
        var (metres, similarity, score) = (Invariant(match.DistanceMetres, "F0"), Invariant(match.Similarity, "F2"), Invariant(match.Score, "F2"));
        var rule = sameCategory ? T($"同类事项（{categoryName}）", $"same category ({categoryName})") : T($"相关事项（{categoryName}）", $"related category ({categoryName})");
        var figuresZh = $"{rule}，相距{metres}米，间隔{gap}{(inHours ? "小时" : "分钟")}，文本相似度{similarity}，综合得分{score}";
        var figuresEn = $"{rule}, {metres} m apart, {gap} {(inHours ? "h" : "min")} apart, text similarity {similarity}, score {score}";
        return match.Decision == DuplicateDecision.Merge
            ? T($"提交后将自动并入{match.CaseId}：{figuresZh}", $"Filing will merge it into {match.CaseId}: {figuresEn}")
            : T($"疑似{match.CaseId}的重复报告：{figuresZh}", $"Possible duplicate of {match.CaseId}: {figuresEn}");
    }

    public static string OpenCase => T("查看该案", "Open that case");

    public static string OutsideDistrict => T("所点位置不在普陀区内，请在区内选点。", "That point is outside Putuo; pick a point inside the district.");
    public static string MapHint => T("点击地图选点（街镇自动判定）", "Click the map to place the case (its sub-district follows)");

    public static string PickedPlace(string subDistrict, GeoPoint at) =>
        T($"{subDistrict} · 地图选点 {Invariant(at.Lon, "F5")}, {Invariant(at.Lat, "F5")}", $"{subDistrict} · picked {Invariant(at.Lon, "F5")}, {Invariant(at.Lat, "F5")}");

    private static string Invariant(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    private static string T(string zh, string en) => Language.Current.Pick(zh, en);
}
