using System.Globalization;
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

    /// <summary>A 街镇's panel (<paramref name="area"/>) leaves out the platform's data lake, which belongs to no area.</summary>
    public static PanelView Look(LookFigures f, bool area = false)
    {
        var onlineRate = f.SensorsTotal == 0 ? 0 : 100.0 * f.SensorsOnline / f.SensorsTotal;
        IndicatorView[] indicators =
            [
                new("area", WallText.Area, Number(f.AreaKm2, 1), "km²", IndicatorLevel.Normal),
                new("population", WallText.Residents, Number(f.Population / 10_000.0, 1), WallText.TenThousandPeople, IndicatorLevel.Normal),
                new("units", WallText.SubDistrictsAndNeighbourhoods, $"{f.SubDistricts} / {f.Neighbourhoods}", WallText.Units, IndicatorLevel.Normal),
                new("sensors", WallText.SensorsOnline, $"{f.SensorsOnline:N0}/{f.SensorsTotal:N0}", WallText.Devices,
                    onlineRate < 85 ? IndicatorLevel.Alarm : onlineRate < 95 ? IndicatorLevel.Warning : IndicatorLevel.Normal, f.SensorsOnlinePerHour),
                new("cameras", WallText.CamerasAndAi, $"{f.CamerasConnected:N0} / {f.AiCameras}", WallText.Channels, IndicatorLevel.Normal),
                new("datalake", WallText.DataLakeRecords, Number(f.DataLakeRecords / 100_000_000.0, 2), WallText.HundredMillionRecords, IndicatorLevel.Normal),
            ];
        return area
            ? new PanelView("look", WallText.LookTitle, WallText.AreaLookSubtitle, [.. indicators.Where(i => i.Key != "datalake")], WallText.AreaLookChange(onlineRate, f.CorridorKm))
            : new PanelView("look", WallText.LookTitle, WallText.LookSubtitle, indicators, WallText.LookChange(onlineRate, f.CorridorKm));
    }

    public static PanelView Pulse(PulseFigures f, DispatchFigures? dispatch) => new(
        "pulse",
        WallText.PulseTitle,
        WallText.PulseSubtitle,
        [
            new("today", WallText.TicketsToday, f.TicketsToday.ToString("N0", Invariant), WallText.Items, IndicatorLevel.Normal, f.InPerHour),
            new("closed", WallText.ClosedToday, f.ClosedToday.ToString("N0", Invariant), WallText.Items, IndicatorLevel.Normal, f.ClosedPerHour),
            new("backlog", WallText.OpenTickets, f.Backlog.ToString("N0", Invariant), WallText.Items,
                f.Backlog > 2_000 ? IndicatorLevel.Alarm : f.Backlog > 1_000 ? IndicatorLevel.Warning : IndicatorLevel.Normal),
            new("dispatch", WallText.MeanTimeToDispatch, Optional(f.MeanDispatchMinutesToday, 0), WallText.Minutes,
                f.MeanDispatchMinutesToday > 120 ? IndicatorLevel.Alarm : f.MeanDispatchMinutesToday > 60 ? IndicatorLevel.Warning : IndicatorLevel.Normal),
            new("closure", WallText.MeanLoopTime, Optional(f.MeanClosureHoursToday, 1), WallText.Hours, IndicatorLevel.Normal),
            OnTime(dispatch?.Overall.OnTimeRate),
        ],
        WallText.PulseChange(f.TicketsLastHour, f.ClosedLastHour, dispatch?.Supervised ?? 0));

    /// <summary>一网评效: closed cases none of whose steps went overdue.</summary>
    private static IndicatorView OnTime(double? rate) => new(
        "ontime",
        WallText.ClosedOnTime,
        rate is { } r ? Number(r * 100, 1) : "—",
        "%",
        rate < 0.8 ? IndicatorLevel.Alarm : rate < 0.9 ? IndicatorLevel.Warning : IndicatorLevel.Normal);

    public static PanelView Perception(PerceptionFigures f)
    {
        var indicators = new List<IndicatorView>();
        AddMax(indicators, f.Of(SensorKind.CreekWaterLevel), "water", WallText.CreekWaterLevelMax, 2);
        AddMean(indicators, f.Of(SensorKind.AirQuality), "aqi", WallText.AirQuality, 0);
        AddMean(indicators, f.Of(SensorKind.Noise), "noise", WallText.NoiseMean, 1);
        AddAbnormal(indicators, f.Of(SensorKind.ManholeCover), "manhole", WallText.ManholesAbnormal);
        AddAbnormal(indicators, f.Of(SensorKind.Lift), "lift", WallText.LiftsAbnormal);
        AddAbnormal(indicators, f.Of(SensorKind.SecondaryWater), "water2", WallText.SecondaryWaterAbnormal);

        var offline = f.Kinds.Sum(k => k.Offline);
        var stale = f.Kinds.Sum(k => k.Stale);
        var over = f.Kinds.Sum(k => k.Warning + k.Alarm);
        return new PanelView(
            "perception",
            WallText.PerceptionTitle,
            WallText.PerceptionSubtitle,
            indicators,
            WallText.PerceptionChange(over, offline, stale));
    }

    public static PanelView Alerts(AlertFigures f) => new(
        "alerts",
        WallText.AlertsTitle,
        WallText.AlertsSubtitle,
        [
            new("critical", WallText.Critical, f.Critical.ToString(Invariant), WallText.Entries, f.Critical > 0 ? IndicatorLevel.Alarm : IndicatorLevel.Normal),
            new("major", WallText.Major, f.Major.ToString(Invariant), WallText.Entries, f.Major > 0 ? IndicatorLevel.Warning : IndicatorLevel.Normal),
            new("minor", WallText.Minor, f.Minor.ToString(Invariant), WallText.Entries, IndicatorLevel.Normal),
            new("unacknowledged", WallText.Unacknowledged, f.Unacknowledged.ToString(Invariant), WallText.Entries,
                f.Unacknowledged > 10 ? IndicatorLevel.Alarm : f.Unacknowledged > 0 ? IndicatorLevel.Warning : IndicatorLevel.Normal, f.RaisedPerHour),
            new("oldest", WallText.OldestUnacknowledged, f.OldestUnacknowledgedAge is { } age ? Number(age.TotalMinutes, 0) : "—", WallText.Minutes,
                f.OldestUnacknowledgedAge?.TotalMinutes > 30 ? IndicatorLevel.Alarm : f.OldestUnacknowledgedAge?.TotalMinutes > 10 ? IndicatorLevel.Warning : IndicatorLevel.Normal),
        ],
        WallText.AlertsChange(f.RaisedLastHour, f.SensorAlarmsToday, f.AiAlarmsToday));

    /// <summary>A 街镇's panel (<paramref name="area"/>) ranks its 居委 as the hotspots.</summary>
    public static PanelView Voice(VoiceFigures f, bool area = false)
    {
        var ratio = f.HotlineSameTimeYesterday == 0 ? (double?)null : (double)f.HotlineToday / f.HotlineSameTimeYesterday - 1;
        var top = f.TopCategories.FirstOrDefault();
        var hotspot = f.HotspotSubDistricts.FirstOrDefault();
        return new PanelView(
            "voice",
            WallText.VoiceTitle,
            WallText.VoiceSubtitle,
            [
                new("hotline", WallText.HotlineToday, f.HotlineToday.ToString("N0", Invariant), WallText.Items,
                    ratio > 0.5 ? IndicatorLevel.Alarm : ratio > 0.2 ? IndicatorLevel.Warning : IndicatorLevel.Normal, f.HotlinePerHour),
                new("yesterday", WallText.SameTimeYesterday, f.HotlineSameTimeYesterday.ToString("N0", Invariant), WallText.Items, IndicatorLevel.Normal),
                new("app", WallText.CitizenApp, f.CitizenAppToday.ToString("N0", Invariant), WallText.Items, IndicatorLevel.Normal),
                new("topCategory", WallText.TopCategory, top?.Name ?? "—", top is null ? string.Empty : $"{top.Count}{WallText.Items}", IndicatorLevel.Normal, IsText: true),
                new("hotspot", area ? WallText.HotspotNeighbourhood : WallText.Hotspot, hotspot?.Name ?? "—", hotspot is null ? string.Empty : $"{hotspot.Count}{WallText.Items}", IndicatorLevel.Normal, IsText: true),
            ],
            ratio is { } r
                ? WallText.HotlineVersusYesterday(r)
                : WallText.NoFiguresForYesterday);
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

    private static void AddAbnormal(List<IndicatorView> list, SensorKindFigures? k, string key, string label)
    {
        if (k is null)
        {
            return;
        }

        list.Add(new IndicatorView(key, label, $"{k.Warning + k.Alarm}/{k.Total:N0}", WallText.Devices,
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
