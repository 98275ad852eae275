namespace Twin.Domain.Time;

/// <summary>Times are stored in UTC; "today" and what users read are in Asia/Shanghai.</summary>
public static class ShanghaiClock
{
    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static DateTimeOffset ToLocal(DateTimeOffset utc) => TimeZoneInfo.ConvertTime(utc, Zone);

    /// <summary>The UTC instant at which the Shanghai calendar day containing <paramref name="utc"/> began.</summary>
    public static DateTimeOffset StartOfDay(DateTimeOffset utc)
    {
        var local = ToLocal(utc);
        var midnight = new DateTimeOffset(local.Year, local.Month, local.Day, 0, 0, 0, local.Offset);
        return midnight.ToUniversalTime();
    }
}
