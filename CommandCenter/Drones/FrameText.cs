using System.Globalization;
using CommandCenter.Localization;
using Twin.Domain.Drones;

namespace CommandCenter.Drones;

/// <summary>
/// The words burned into a rendered frame. The feed renders on a timer, away from any page, so the
/// language comes with the request instead of from the current culture.
/// </summary>
public static class FrameText
{
    public static string TimeZone(Lang lang) => lang.Pick("北京时间", "CST");

    public static string LinkLost(Lang lang) => lang.Pick("图传信号丢失 · 最后画面", "LINK LOST · last picture");

    public static string Figures(DroneState drone, Lang lang) => string.Create(CultureInfo.InvariantCulture,
        $"{lang.Pick("高度", "ALT")} {drone.AltitudeMetres:0} m   {lang.Pick("航向", "HDG")} {drone.HeadingDegrees:000}°   {lang.Pick("速度", "SPD")} {drone.SpeedMps:0.0} m/s   {lang.Pick("电量", "BAT")} {drone.BatteryPercent:0}%");
}
