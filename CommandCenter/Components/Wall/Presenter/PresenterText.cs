using CommandCenter.Components.Console.Emergency;
using CommandCenter.Components.Wall.Scenes;
using CommandCenter.Configuration;
using CommandCenter.Localization;

namespace CommandCenter.Components.Wall.Presenter;

/// <summary>The presenter view's words (领导来访汇报), in the page's language; panel and scene names are the wall's own.</summary>
public static class PresenterText
{
    public static string PageTitle => T("领导来访汇报 · 大屏演示", "Briefing on the wall");
    public static string BackToConsole => T("返回值班台", "Back to the console");
    public static string NotAllowed => T("当前账号无权主持大屏汇报：仅限指挥中心的值班员、督办员和领导。", "This account may not present on the walls: the centre's officers, supervisors and leaders only.");
    public static string Start => T("开始汇报", "Start presenting");
    public static string Back => T("上一步", "Back");
    public static string Forward => T("下一步", "Next");
    public static string End => T("结束汇报", "End the presentation");
    public static string Sequence => T("汇报顺序", "Prepared sequence");
    public static string Scenes => T("选择场景", "Choose a scene");
    public static string SubDistricts => T("街镇", "Sub-districts");
    public static string Highlight => T("突出显示面板", "Highlight a panel");
    public static string ClearHighlight => T("取消突出", "Clear the highlight");
    public static string KeyEvents => T("今日要事 · 点击放大到大屏地图", "Today's key events · zoom the walls' map to one");
    public static string NoKeyEvents => T("今日暂无重大告警、督办超时或紧急事件。", "No critical alarms, cases late after 督办 or urgent incidents today.");
    public static string ZoomTo => T("放大", "Zoom");
    public static string TargetId => T("工单或告警编号", "Ticket or alarm id");
    public static string ZoomToId => T("放大到此编号", "Zoom to this id");
    public static string Place => T("突出显示地点（街镇轮廓）", "Highlight a place (the 街镇 outlined)");
    public static string OnTheWalls => T("大屏当前", "On the walls");
    public static string Free => T("未在汇报：大屏按日常轮播（应急时保持应急场景）。", "Not presenting: the walls follow their rotation (an emergency holds them).");
    public static string HeldBy(string presenter) => T($"汇报中 · 主持：{presenter}", $"Presenting · by {presenter}");
    public static string StepOf(int step, int count) => T($"第 {step}/{count} 步", $"Step {step} of {count}");
    public static string IdleNote(int minutes) => T(
        $"{minutes} 分钟无操作后，大屏自动恢复日常轮播。每一步操作均记入审计日志。",
        $"After {minutes} idle minutes the walls return to their rotation. Every action is written to the audit log.");
    public static string Recording => T("大屏已切换，正在记入审计日志…", "On the walls; writing it to the audit log…");
    public static string Keys => T(
        "键盘：→ / PageDown / 空格 下一步 · ← / PageUp 上一步 · 1–5 突出第 n 个面板 · 0 或 Esc 取消突出",
        "Keys: → / PageDown / Space next · ← / PageUp back · 1–5 highlight panel n · 0 or Esc clear");

    /// <summary>How a slide reads in the sequence: its scene, its 街镇 and its highlighted panel.</summary>
    public static string SlideName(PresenterSlide slide, Func<string, string> subDistrictName) =>
        EmergencyText.SceneName(slide.Scene)
        + (slide.SubDistrict is { } code ? " · " + subDistrictName(code) : string.Empty)
        + (slide.Target is { } id ? " · " + id : string.Empty)
        + (slide.Highlight is { } panel ? " · " + PanelName(panel) : string.Empty);

    /// <summary>A panel's title as the wall shows it.</summary>
    public static string PanelName(string key) => key switch
    {
        "look" => WallText.LookTitle,
        "pulse" => WallText.PulseTitle,
        "perception" => WallText.PerceptionTitle,
        "alerts" => WallText.AlertsTitle,
        "voice" => WallText.VoiceTitle,
        "creek-levels" => SceneText.CreekLevels,
        "water-quality" => SceneText.WaterQuality,
        "creek-drones" => SceneText.CreekDrones,
        "corridor-tickets" => SceneText.CorridorTickets,
        "corridor-alarms" => SceneText.CorridorAlarms,
        "plan" => SceneText.Plan,
        "rain-water" => SceneText.RainAndWater,
        "waterlogging" => SceneText.Waterlogging,
        "supplies-teams" => SceneText.SuppliesAndTeams,
        "emergency-tickets" => SceneText.EmergencyTickets,
        "key-alarms" => SceneText.KeyAlarms,
        "key-overdue" => SceneText.KeyOverdue,
        "key-incidents" => SceneText.KeyIncidents,
        _ => key,
    };

    private static string T(string zh, string en) => Language.Current.Pick(zh, en);
}
