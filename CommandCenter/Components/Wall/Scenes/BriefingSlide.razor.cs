using CommandCenter.Briefing;
using CommandCenter.Localization;
using Microsoft.AspNetCore.Components;
using Twin.Data.Boundary;
using Twin.Domain.Briefing;

namespace CommandCenter.Components.Wall.Scenes;

/// <summary>
/// 昨日简报 on the wall: the latest kept daily briefing's key figures as one full-screen slide, each
/// large enough to read across the hall, with its change against the day (or period) before.
/// Read as it was kept (its hash is shown), never recounted, so the wall says what the leaders got.
/// </summary>
public sealed partial class BriefingSlide
{
    private static readonly VitalFigure[] Shown =
        [VitalFigure.TicketsIn, VitalFigure.Closed, VitalFigure.DispatchMinutes, VitalFigure.Hotline, VitalFigure.AlarmsRaised, VitalFigure.CriticalAlarms];

    private Lang _lang = Lang.Zh;

    [Inject]
    private ITwinBriefings Briefings { get; set; } = default!;

    private bool Loaded { get; set; }

    private DailyBriefing? Kept { get; set; }

    private IReadOnlyList<Tile> Tiles { get; set; } = [];

    /// <summary>One figure of the slide: its name, the value and its change against the day before.</summary>
    private sealed record Tile(string Key, string Name, string Value, string Change);

    protected override async Task OnInitializedAsync()
    {
        // Captured before the first await: the wall's circuit sets the language for its renders only.
        _lang = Language.Current;
        var latest = (await Briefings.ListDailyBriefingsAsync()).FirstOrDefault();
        Kept = latest is null ? null : await Briefings.GetDailyBriefingAsync(latest.Day);
        Tiles = Kept is { } kept ? TilesOf(kept.Figures) : [];
        Loaded = true;
    }

    private IReadOnlyList<Tile> TilesOf(BriefingFigures figures)
    {
        var vitals = Shown.Select(f =>
        {
            var value = figures.Vitals.Of(f);
            var decimals = f == VitalFigure.DispatchMinutes ? 1 : 0;
            return new Tile(f.ToString(), BriefingText.Figure(_lang, f).Name, BriefingText.Number(value.Value, decimals),
                Against + BriefingText.Delta(value.Value, value.Yesterday, decimals));
        });
        var overall = figures.Evaluation.Overall;
        var previous = figures.Evaluation.PreviousOverall;
        return
        [
            .. vitals,
            new("OnTimeRate", _lang.Pick("按时办结率", "On-time rate"), BriefingText.Percent(overall.Row.OnTimeRate),
                Against + BriefingText.PointsDelta(_lang, overall.Row.OnTimeRate, previous.Row.OnTimeRate)),
            new("SatisfactionRate", _lang.Pick("满意率", "Satisfaction"), BriefingText.Percent(overall.SatisfactionRate),
                Against + BriefingText.PointsDelta(_lang, overall.SatisfactionRate, previous.SatisfactionRate)),
        ];
    }

    private string Against => _lang.Pick("较前一日 ", "vs day before ");

    private string Heading => Kept is { } k
        ? _lang.Pick($"昨日简报 · {BriefingText.Day(k.Info.Day)}", $"Daily briefing · {BriefingText.Day(k.Info.Day)}")
        : _lang.Pick("昨日简报", "Daily briefing");

    private string Decisions => Kept?.Figures.Decisions is { } d
        ? _lang.Pick(
            $"需要决策：督办后仍超时 {d.OverdueAfterSupervision.Count} 件 · 严重告警超1小时 {d.LongCriticalAlarms.Count} 条 · 同一地点重复投诉 {d.RepeatedComplaints.Count} 处",
            $"Needs a decision: {d.OverdueAfterSupervision.Count} overdue after 督办 · {d.LongCriticalAlarms.Count} critical alarms open over 1 h · {d.RepeatedComplaints.Count} places with repeated complaints")
        : string.Empty;

    private string Footer => Kept is { } k
        ? BriefingText.District(_lang) + " · " + BriefingText.Generated(_lang, k.Info.GeneratedAt) + " · SHA-256 " + k.Info.Sha256[..12]
        : string.Empty;

    private string NoneKept => _lang.Pick("尚无已生成的日报（每日 08:00 生成前一日简报）", "No daily briefing kept yet (made at 08:00 for the day before)");
}
