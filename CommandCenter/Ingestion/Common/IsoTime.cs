using System.Globalization;
using System.Text.RegularExpressions;

namespace CommandCenter.Ingestion.Common;

/// <summary>
/// Instants as the standards write them: ISO 8601 with an explicit zone (Z, +08:00 or the
/// compact +0800 of the SensorThings examples). A time without a zone is ambiguous and refused.
/// </summary>
public static partial class IsoTime
{
    public static bool TryParse(string? text, out DateTimeOffset time)
    {
        time = default;
        if (text is null || text.Length > 40 || !ZonedTime().IsMatch(text))
        {
            return false;
        }

        var normalised = CompactOffset().Replace(text, "$1:$2");
        return DateTimeOffset.TryParse(normalised, CultureInfo.InvariantCulture, DateTimeStyles.None, out time) && time.Year >= 1970;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:?\d{2})$")]
    private static partial Regex ZonedTime();

    [GeneratedRegex(@"([+-]\d{2})(\d{2})$")]
    private static partial Regex CompactOffset();
}
