using Bunit;
using CommandCenter.Components.Wall.Panels;
using CommandCenter.Tests.Support;
using Twin.Domain.Dispatch;
using Twin.Domain.Engine;
using Twin.Domain.Sensors;

namespace CommandCenter.Tests.Wall;

public class VitalSignPanelTests
{
    private static readonly double[] Hours = Enumerable.Range(0, 24).Select(i => (double)i).ToArray();

    [Fact]
    public async Task Pulse_panel_shows_its_values_units_and_what_changed()
    {
        await using var ctx = new BunitContext();
        using var chinese = UiLanguage.Chinese();
        var figures = new PulseFigures(321, 17, 250, 12, 480, 35.5, 20.25, Hours, Hours);

        var overall = new EvaluationRow("all", "全区", 400, 380, 250, 0.86, 20.25, 40.5, 0.02, 0.05);
        var dispatch = new DispatchFigures(overall, [], [], Supervised: 7, Overdue: 4, DuplicateCandidates: 2);

        var panel = ctx.Render<VitalSignPanel>(p => p.Add(x => x.View, VitalSignPanels.Pulse(figures, dispatch)));

        Assert.Equal("城市之脉", panel.Find("h2").TextContent);
        Assert.Equal("321", Number(panel, "today"));
        Assert.Equal("250", Number(panel, "closed"));
        Assert.Equal("480", Number(panel, "backlog"));
        Assert.Equal("36", Number(panel, "dispatch"));
        Assert.Contains("分钟", panel.Find("[data-indicator='dispatch'] .unit").TextContent);
        Assert.Equal("86.0", Number(panel, "ontime"));
        Assert.Contains("level-warning", panel.Find("[data-indicator='ontime']").ClassList);
        Assert.Equal("近1小时 新增 17 件 · 结案 12 件 · 督办 7 件", panel.Find("[data-change]").TextContent);
        Assert.Equal(2, panel.FindAll("[data-indicator] svg.sparkline").Count);
    }

    [Fact]
    public async Task Indicator_colour_follows_its_thresholds()
    {
        await using var ctx = new BunitContext();
        using var chinese = UiLanguage.Chinese();
        var calm = new AlertFigures(0, 0, 3, 0, 0, null, 1, 3, 0, Hours);
        var tense = new AlertFigures(2, 1, 3, 0, 14, TimeSpan.FromMinutes(42), 6, 9, 2, Hours);

        var calmPanel = ctx.Render<VitalSignPanel>(p => p.Add(x => x.View, VitalSignPanels.Alerts(calm)));
        var tensePanel = ctx.Render<VitalSignPanel>(p => p.Add(x => x.View, VitalSignPanels.Alerts(tense)));

        Assert.Contains("level-normal", calmPanel.Find("[data-indicator='critical']").ClassList);
        Assert.Contains("level-normal", calmPanel.Find("[data-indicator='unacknowledged']").ClassList);
        Assert.Contains("level-alarm", tensePanel.Find("[data-indicator='critical']").ClassList);
        Assert.Contains("level-warning", tensePanel.Find("[data-indicator='major']").ClassList);
        Assert.Contains("level-alarm", tensePanel.Find("[data-indicator='unacknowledged']").ClassList);
        Assert.Contains("level-alarm", tensePanel.Find("[data-indicator='oldest']").ClassList);
        Assert.Equal("42", Number(tensePanel, "oldest"));
    }

    [Fact]
    public async Task A_stale_panel_says_so_and_a_fresh_one_does_not()
    {
        await using var ctx = new BunitContext();
        using var chinese = UiLanguage.Chinese();
        var view = VitalSignPanels.Voice(new VoiceFigures(120, 100, 30, [], [], [], Hours));

        var fresh = ctx.Render<VitalSignPanel>(p => p.Add(x => x.View, view));
        var stale = ctx.Render<VitalSignPanel>(p => p.Add(x => x.View, view).Add(x => x.Stale, true));

        Assert.Empty(fresh.FindAll("[data-stale]"));
        Assert.DoesNotContain("stale", fresh.Find("section").ClassList);
        Assert.Equal("数据延迟", stale.Find("[data-stale]").TextContent);
        Assert.Contains("stale", stale.Find("section").ClassList);
    }

    [Fact]
    public async Task Perception_panel_compares_the_creek_level_with_its_warning_level()
    {
        await using var ctx = new BunitContext();
        using var chinese = UiLanguage.Chinese();
        var water = new SensorKindFigures(SensorKind.CreekWaterLevel, "m", 12, 12, 0, 0, 1, 0, 3.2, 3.91, 3.8, 4.2, Hours);
        var aqi = new SensorKindFigures(SensorKind.AirQuality, "AQI", 40, 38, 1, 1, 0, 0, 62, 88, 100, 150, Hours);

        var panel = ctx.Render<VitalSignPanel>(p => p.Add(x => x.View, VitalSignPanels.Perception(new PerceptionFigures([water, aqi]))));

        Assert.Equal("3.91", Number(panel, "water"));
        Assert.Contains("level-warning", panel.Find("[data-indicator='water']").ClassList);
        Assert.Equal("62", Number(panel, "aqi"));
        Assert.Contains("level-normal", panel.Find("[data-indicator='aqi']").ClassList);
        Assert.Equal("超阈值 1 处 · 离线 1 台 · 数据迟滞 1 台", panel.Find("[data-change]").TextContent);
    }

    [Fact]
    public async Task Look_panel_reads_the_standing_figures_in_English_too()
    {
        await using var ctx = new BunitContext();
        var look = new LookFigures(55.8, 1_200_000, 10, 285, 13.4, 2000, 1880, 21_000, 19_007, 135, 4_522_557_066, 6_205, 24_939_631, Hours);

        PanelView zhView, enView;
        using (UiLanguage.Chinese())
        {
            zhView = VitalSignPanels.Look(look);
        }

        using (UiLanguage.English())
        {
            enView = VitalSignPanels.Look(look);
        }

        var zh = ctx.Render<VitalSignPanel>(p => p.Add(x => x.View, zhView));
        var en = ctx.Render<VitalSignPanel>(p => p.Add(x => x.View, enView));

        Assert.Equal("城市之貌", zh.Find("h2").TextContent);
        Assert.Equal("10 / 285", Number(zh, "units"));
        Assert.Equal("1,880/2,000", Number(zh, "sensors"));
        Assert.Contains("level-warning", zh.Find("[data-indicator='sensors']").ClassList);
        Assert.Equal("45.23", Number(zh, "datalake"));
        Assert.Equal("City look", en.Find("h2").TextContent);
        Assert.Contains("94.0% online", en.Find("[data-change]").TextContent);
    }

    private static string Number(IRenderedComponent<VitalSignPanel> panel, string indicator) =>
        panel.Find($"[data-indicator='{indicator}'] .number").TextContent;
}
