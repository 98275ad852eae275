using System.Globalization;
using CommandCenter.Localization;
using Twin.Domain.Sensors;
using Twin.Domain.Vocabulary;

namespace CommandCenter.Components.Console.Sensors;

/// <summary>The sensor chart's words, in the page's language.</summary>
public static class SensorText
{
    public static string Readings => T("读数", "Readings");

    public static string HideReadings => T("收起读数", "Hide readings");

    public static string Loading => T("读取中…", "Loading…");

    public static string NoReadings => T("此时段无读数", "No readings in this window");

    public static string ChartLabel(string name) => T($"{name} 的读数", $"Readings of {name}");

    public static string Warning => T("预警", "Warning");

    public static string Alarm => T("告警", "Alarm");

    public static string Raw => T("原始读数", "raw readings");

    public static string Hourly => T("小时均值", "hourly means");

    public static string Window(SensorWindow window) => window switch
    {
        SensorWindow.Day => T("24 小时", "24 h"),
        _ => T("30 天", "30 days"),
    };

    public static string Kind(SensorKind kind) => Names.Of(kind).Text(Language.Current);

    public static string Value(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string T(string zh, string en) => Language.Current.Pick(zh, en);
}

/// <summary>How far back the chart reads.</summary>
public enum SensorWindow
{
    Day,
    Month,
}
