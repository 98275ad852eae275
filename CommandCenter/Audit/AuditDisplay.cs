using System.Globalization;
using System.Text.RegularExpressions;
using Twin.Domain.Time;

namespace CommandCenter.Audit;

/// <summary>How the audit view shows what is stored in UTC: in Shanghai time.</summary>
public static partial class AuditDisplay
{
    public static string Time(DateTimeOffset at) => ShanghaiClock.ToLocal(at).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>A detail as stored, with each ISO 8601 instant in it (e.g. a ticket step's twin time) shown in Shanghai time.</summary>
    public static string? ShanghaiTimes(string? stored) => stored is null ? null : IsoInstant().Replace(stored, m =>
        DateTimeOffset.TryParse(m.Value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? Time(at) + " 上海" : m.Value);

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})")]
    private static partial Regex IsoInstant();
}
