using System.Globalization;
using CommandCenter.Localization;
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

    [Parameter]
    public bool Emergency { get; set; }

    private DateTimeOffset LocalTime => ShanghaiClock.ToLocal(Now);

    private CultureInfo Culture => CultureInfo.GetCultureInfo(Language.Code);
}
