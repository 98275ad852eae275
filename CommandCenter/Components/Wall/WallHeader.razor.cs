using System.Globalization;
using CommandCenter.Components.Console.Emergency;
using CommandCenter.Configuration;
using CommandCenter.Localization;
using Twin.Domain.Emergency;
using Microsoft.AspNetCore.Components;
using Twin.Domain.Time;

namespace CommandCenter.Components.Wall;

public partial class WallHeader
{
    /// <summary>The twin's clock, in UTC; shown in Asia/Shanghai.</summary>
    [Parameter]
    public DateTimeOffset Now { get; set; }

    [Parameter]
    public double SpeedFactor { get; set; } = 1;

    /// <summary>The twin's mode: 日常, or 应急 with its type and level.</summary>
    [Parameter]
    public OperatingMode? Mode { get; set; }

    [Parameter]
    public WallScene Scene { get; set; }

    /// <summary>True while a presenter holds the walls (领导来访汇报).</summary>
    [Parameter]
    public bool Presenting { get; set; }

    /// <summary>The 街镇 a presenter framed the map on (its name), or null.</summary>
    [Parameter]
    public string? Focus { get; set; }

    private bool Emergency => Mode?.IsEmergency == true;

    private string SceneName => EmergencyText.SceneName(Scene);

    private DateTimeOffset LocalTime => ShanghaiClock.ToLocal(Now);

    private CultureInfo Culture => CultureInfo.GetCultureInfo(Language.Code);
}
