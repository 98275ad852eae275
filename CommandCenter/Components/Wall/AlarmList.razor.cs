using Microsoft.AspNetCore.Components;
using Twin.Domain.Alarms;

namespace CommandCenter.Components.Wall;

/// <summary>The few active alarms that matter most: unacknowledged first, then by severity and age.</summary>
public partial class AlarmList
{
    [Parameter, EditorRequired]
    public IReadOnlyList<AlarmState> Alarms { get; set; } = [];

    [Parameter, EditorRequired]
    public Func<string, string> SubDistrictName { get; set; } = code => code;

    [Parameter]
    public string EmptyText { get; set; } = "暂无活动告警";

    public static IReadOnlyList<AlarmState> MostUrgent(IEnumerable<AlarmState> active, int count) =>
        active.OrderBy(a => a.IsAcknowledged)
            .ThenByDescending(a => a.Severity)
            .ThenBy(a => a.RaisedAt)
            .Take(count)
            .ToList();
}
