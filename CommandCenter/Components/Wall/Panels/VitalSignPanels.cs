using System.Globalization;
using CommandCenter.Localization;
using Twin.Domain.Dispatch;
using Twin.Domain.Engine;
using Twin.Domain.Sensors;

namespace CommandCenter.Components.Wall.Panels;

/// <summary>
/// Turns the engine's figures into the five panels of the wall: which indicators, their units,
/// their threshold colours and each panel's line of what changed.
/// </summary>
public static class VitalSignPanels
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static PanelView Look(LookFigures f, Lang lang)
    {
        var onlineRate = f.SensorsTotal == 0 ? 0 : 100.0 * f.SensorsOnline / f.SensorsTotal;
        return new PanelView(
            "look",
            lang.Pick("城市之貌", "City look"),
            lang.Pick("区情底数", "The district at a glance"),
            [
                new("area", lang.Pick("辖区面积", "Area"), Number(f.AreaKm2, 1), "km²", IndicatorLevel.Normal),
                new("population", lang.Pick("常住人口", "Residents"), Number(f.Population / 10_000.0, 1), lang.Pick("万人", "×10k"), IndicatorLevel.Normal),
                new("units", lang.Pick("街镇 / 居村", "Sub-districts / neighbourhoods"), $"{f.SubDistricts} / {f.Neighbourhoods}", lang.Pick("个", ""), IndicatorLevel.Normal),
                new("sensors", lang.Pick("感知设备在线", "Sensors online"), $"{f.SensorsOnline:N0}/{f.SensorsTotal:N0}", lang.Pick("台", ""),
                    onlineRate < 85 ? IndicatorLevel.Alarm : onlineRate < 95 ? IndicatorLevel.Warning : IndicatorLevel.Normal, f.SensorsOnlinePerHour),
                new("cameras", lang.Pick("视频接入 / AI", "Cameras / AI"), $"{f.CamerasConnected:N0} / {f.AiCameras}", lang.Pick("路", "ch."), IndicatorLevel.Normal),
                new("datalake", lang.Pick("数据湖记录", "Data lake records"), Number(f.DataLakeRecords / 100_000_000.0, 2), lang.Pick("亿条", "×100M"), IndicatorLevel.Normal),
            ],
            lang.Pick(
                $"感知设备在线率 {onlineRate:0.0}% · 苏州河普陀段 {f.CorridorKm:0.0} km",
                $"Sensors online {onlineRate:0.0}% · Suzhou Creek in Putuo {f.CorridorKm:0.0} km"));
    }

    public static PanelView Pulse(PulseFigures f, DispatchFigures? dispatch, Lang lang) => new(
        "pulse",
        lang.Pick("城市之脉", "City pulse"),
        lang.Pick("工单流转", "Tickets flowing"),
        [
            new("today", lang.Pick("今日工单", "Tickets today"), f.TicketsToday.ToString("N0", Invariant), lang.Pick("件", ""), IndicatorLevel.Normal, f.InPerHour),
            new("closed", lang.Pick("今日结案", "Closed today"), f.ClosedToday.ToString("N0", Invariant), lang.Pick("件", ""), IndicatorLevel.Normal, f.ClosedPerHour),
            new("backlog", lang.Pick("在办工单", "Open tickets"), f.Backlog.ToString("N0", Invariant), lang.Pick("件", ""),
                f.Backlog > 2_000 ? IndicatorLevel.Alarm : f.Backlog > 1_000 ? IndicatorLevel.Warning : IndicatorLevel.Normal),
            new("dispatch", lang.Pick("平均派单用时", "Mean time to dispatch"), Optional(f.MeanDispatchMinutesToday, 0), lang.Pick("分钟", "min"),
                f.MeanDispatchMinutesToday > 120 ? IndicatorLevel.Alarm : f.MeanDispatchMinutesToday > 60 ? IndicatorLevel.Warning : IndicatorLevel.Normal),
            new("closure", lang.Pick("平均闭环用时", "Mean loop time"), Optional(f.MeanClosureHoursToday, 1), lang.Pick("小时", "h"), IndicatorLevel.Normal),
            OnTime(dispatch?.Overall.OnTimeRate, lang),
        ],
        lang.Pick(
            $"近1小时 新增 {f.TicketsLastHour} 件 · 结案 {f.ClosedLastHour} 件 · 督办 {dispatch?.Supervised ?? 0} 件",
            $"Last hour: {f.TicketsLastHour} in · {f.ClosedLastHour} closed · {dispatch?.Supervised ?? 0} supervised"));

    /// <summary>一网评效: closed cases none of whose steps went overdue.</summary>
    private static IndicatorView OnTime(double? rate, Lang lang) => new(
        "ontime",
        lang.Pick("按时办结率", "Closed on time"),
        rate is { } r ? Number(r * 100, 1) : "—",
        "%",
        rate < 0.8 ? IndicatorLevel.Alarm : rate < 0.9 ? IndicatorLevel.Warning : IndicatorLevel.Normal);

    public static PanelView Perception(PerceptionFigures f, Lang lang)
    {
        var indicators = new List<IndicatorView>();
        AddMax(indicators, f.Of(SensorKind.CreekWaterLevel), "water", lang.Pick("苏州河最高水位", "Creek water level (max)"), 2);
        AddMean(indicators, f.Of(SensorKind.AirQuality), "aqi", lang.Pick("空气质量 AQI", "Air quality (AQI)"), 0);
        AddMean(indicators, f.Of(SensorKind.Noise), "noise", lang.Pick("环境噪声均值", "Noise (mean)"), 1);
        AddAbnormal(indicators, f.Of(SensorKind.ManholeCover), "manhole", lang.Pick("井盖异常", "Manholes abnormal"), lang);
        AddAbnormal(indicators, f.Of(SensorKind.Lift), "lift", lang.Pick("电梯异常", "Lifts abnormal"), lang);
        AddAbnormal(indicators, f.Of(SensorKind.SecondaryWater), "water2", lang.Pick("二次供水异常", "Secondary water abnormal"), lang);

        var offline = f.Kinds.Sum(k => k.Offline);
        var stale = f.Kinds.Sum(k => k.Stale);
        var over = f.Kinds.Sum(k => k.Warning + k.Alarm);
        return new PanelView(
            "perception",
            lang.Pick("城市之感", "City perception"),
            lang.Pick("感知体征", "Sensor state"),
            indicators,
            lang.Pick($"超阈值 {over} 处 · 离线 {offline} 台 · 数据迟滞 {stale} 台", $"{over} over threshold · {offline} offline · {stale} stale"));
    }

    public static PanelView Alerts(AlertFigures f, Lang lang) => new(
        "alerts",
        lang.Pick("城市之警", "City alerts"),
        lang.Pick("告警预警", "Alarms"),
        [
            new("critical", lang.Pick("紧急告警", "Critical"), f.Critical.ToString(Invariant), lang.Pick("条", ""), f.Critical > 0 ? IndicatorLevel.Alarm : IndicatorLevel.Normal),
            new("major", lang.Pick("重要告警", "Major"), f.Major.ToString(Invariant), lang.Pick("条", ""), f.Major > 0 ? IndicatorLevel.Warning : IndicatorLevel.Normal),
            new("minor", lang.Pick("一般告警", "Minor"), f.Minor.ToString(Invariant), lang.Pick("条", ""), IndicatorLevel.Normal),
            new("unacknowledged", lang.Pick("未确认", "Unacknowledged"), f.Unacknowledged.ToString(Invariant), lang.Pick("条", ""),
                f.Unacknowledged > 10 ? IndicatorLevel.Alarm : f.Unacknowledged > 0 ? IndicatorLevel.Warning : IndicatorLevel.Normal, f.RaisedPerHour),
            new("oldest", lang.Pick("最久未确认", "Oldest unacknowledged"), f.OldestUnacknowledgedAge is { } age ? Number(age.TotalMinutes, 0) : "—", lang.Pick("分钟", "min"),
                f.OldestUnacknowledgedAge?.TotalMinutes > 30 ? IndicatorLevel.Alarm : f.OldestUnacknowledgedAge?.TotalMinutes > 10 ? IndicatorLevel.Warning : IndicatorLevel.Normal),
        ],
        lang.Pick(
            $"近1小时新增告警 {f.RaisedLastHour} 条 · 今日感知 {f.SensorAlarmsToday} / AI {f.AiAlarmsToday}",
            $"Last hour: {f.RaisedLastHour} new · today sensors {f.SensorAlarmsToday} / AI {f.AiAlarmsToday}"));

    public static PanelView Voice(VoiceFigures f, Lang lang)
    {
        var ratio = f.HotlineSameTimeYesterday == 0 ? (double?)null : (double)f.HotlineToday / f.HotlineSameTimeYesterday - 1;
        var top = f.TopCategories.FirstOrDefault();
        var hotspot = f.HotspotSubDistricts.FirstOrDefault();
        return new PanelView(
            "voice",
            lang.Pick("城市之声", "City voice"),
            lang.Pick("市民诉求", "Citizens' reports"),
            [
                new("hotline", lang.Pick("今日12345热线", "12345 hotline today"), f.HotlineToday.ToString("N0", Invariant), lang.Pick("件", ""),
                    ratio > 0.5 ? IndicatorLevel.Alarm : ratio > 0.2 ? IndicatorLevel.Warning : IndicatorLevel.Normal, f.HotlinePerHour),
                new("yesterday", lang.Pick("昨日同期", "Same time yesterday"), f.HotlineSameTimeYesterday.ToString("N0", Invariant), lang.Pick("件", ""), IndicatorLevel.Normal),
                new("app", lang.Pick("随申拍", "Citizen app"), f.CitizenAppToday.ToString("N0", Invariant), lang.Pick("件", ""), IndicatorLevel.Normal),
                new("topCategory", lang.Pick("最多诉求", "Top category"), top?.Name ?? "—", top is null ? string.Empty : $"{top.Count}{lang.Pick("件", "")}", IndicatorLevel.Normal, IsText: true),
                new("hotspot", lang.Pick("热点街镇", "Hotspot"), hotspot?.Name ?? "—", hotspot is null ? string.Empty : $"{hotspot.Count}{lang.Pick("件", "")}", IndicatorLevel.Normal, IsText: true),
            ],
            ratio is { } r
                ? lang.Pick($"热线较昨日同期 {(r >= 0 ? "+" : "")}{r * 100:0}%", $"Hotline vs yesterday {(r >= 0 ? "+" : "")}{r * 100:0}%")
                : lang.Pick("昨日同期暂无数据", "No figures for yesterday yet"));
    }

    private static void AddMax(List<IndicatorView> list, SensorKindFigures? k, string key, string label, int decimals)
    {
        if (k is null)
        {
            return;
        }

        list.Add(new IndicatorView(key, label, Optional(k.Max, decimals), k.Unit, Level(k.Max, k), k.MeanPerHour));
    }

    private static void AddMean(List<IndicatorView> list, SensorKindFigures? k, string key, string label, int decimals)
    {
        if (k is null)
        {
            return;
        }

        list.Add(new IndicatorView(key, label, Optional(k.Mean, decimals), k.Unit, Level(k.Mean, k), k.MeanPerHour));
    }

    private static void AddAbnormal(List<IndicatorView> list, SensorKindFigures? k, string key, string label, Lang lang)
    {
        if (k is null)
        {
            return;
        }

        list.Add(new IndicatorView(key, label, $"{k.Warning + k.Alarm}/{k.Total:N0}", lang.Pick("台", ""),
            k.Alarm > 0 ? IndicatorLevel.Alarm : k.Warning > 0 ? IndicatorLevel.Warning : IndicatorLevel.Normal));
    }

    private static IndicatorLevel Level(double? value, SensorKindFigures k)
    {
        if (value is not { } v)
        {
            return IndicatorLevel.Normal;
        }

        var highIsBad = k.AlarmLevel >= k.WarningLevel;
        var alarm = highIsBad ? v >= k.AlarmLevel : v <= k.AlarmLevel;
        var warning = highIsBad ? v >= k.WarningLevel : v <= k.WarningLevel;
        return alarm ? IndicatorLevel.Alarm : warning ? IndicatorLevel.Warning : IndicatorLevel.Normal;
    }

    private static string Optional(double? value, int decimals) => value is { } v ? Number(v, decimals) : "—";

    private static string Number(double value, int decimals) => value.ToString("N" + decimals.ToString(Invariant), Invariant);
}
