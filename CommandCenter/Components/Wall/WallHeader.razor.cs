using System.Globalization;
using CommandCenter.Localization;
using Microsoft.AspNetCore.Components;
using Twin.Domain.Time;

namespace CommandCenter.Components.Wall;

public partial class WallHeader
{
    private static Lang Lang => Language.Current;

    /// <summary>The twin's clock, in UTC; shown in Asia/Shanghai.</summary>
    [Parameter]
    public DateTimeOffset Now { get; set; }

    [Parameter]
    public double SpeedFactor { get; set; } = 1;

    [Parameter]
    public bool Emergency { get; set; }

    /// <summary>connected, reconnecting or disconnected (the map's live feed).</summary>
    [Parameter]
    public string ConnectionState { get; set; } = "connecting";

    private DateTimeOffset LocalTime => ShanghaiClock.ToLocal(Now);

    private CultureInfo Culture => CultureInfo.GetCultureInfo(Lang.Code());

    private string ConnectionLabel => ConnectionState switch
    {
        "connected" => Lang.Pick("实时连接正常", "Live"),
        "reconnecting" => Lang.Pick("重新连接中…", "Reconnecting…"),
        "disconnected" => Lang.Pick("连接中断", "Disconnected"),
        _ => Lang.Pick("连接中…", "Connecting…"),
    };
}
