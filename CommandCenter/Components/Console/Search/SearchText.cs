using CommandCenter.Localization;
using Twin.Data.Search;

namespace CommandCenter.Components.Console.Search;

/// <summary>The search box's own words, in the page's language.</summary>
public static class SearchText
{
    public static string Placeholder => T("搜索工单、告警、传感器、地点：地址、事项、关键词", "Search tickets, alarms, sensors, places: address, category, words");

    public static string Label => T("搜索工单、告警与传感器", "Search tickets, alarms and sensors");

    public static string ScopeLabel => T("搜索范围", "Search in");

    public static string Scope(SearchScope scope) => scope switch
    {
        SearchScope.Tickets => T("工单", "Tickets"),
        SearchScope.Alarms => T("告警", "Alarms"),
        SearchScope.Sensors => T("传感器", "Sensors"),
        _ => T("全部", "All"),
    };

    /// <summary>The number of tickets found; a lower bound reads "1,000+" and says only the newest were counted.</summary>
    public static string Tickets(int total, bool lowerBound) => lowerBound
        ? T($"工单 {total:N0}+ 件（只统计了最新的 {total:N0} 件）", $"Tickets: {total:N0}+ found (the newest {total:N0} counted)")
        : T($"工单 共 {total} 件", $"Tickets: {total} found");

    public static string Alarms(int shown) => T($"告警 {shown} 条", $"Alarms: {shown}");

    public static string Sensors(int shown) => T($"传感器 {shown} 个", $"Sensors: {shown}");

    public static string Places(int shown) => T($"地点 {shown} 处", $"Places: {shown}");

    public static string Nothing => T("没有找到", "Nothing found");

    public static string ShowOnMap => T("在地图上显示", "Show on map");

    public static string ShowAsList => T("只看列表", "List only");

    public static string Cleared => T("已解除", "Cleared");

    public static string Active => T("未解除", "Active");

    private static string T(string zh, string en) => Language.Current.Pick(zh, en);
}
