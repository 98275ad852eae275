using System.Globalization;
using System.Text.RegularExpressions;

namespace Twin.Data.Audit;

/// <summary>
/// How an audit row names the history rows it records (<c>ticket_history #12</c>, or a range
/// <c>ticket_history #1–#900</c> for a replayed month), so that verification can check that every
/// ticket step and alarm acknowledgement in the histories has its audit row.
/// </summary>
public static partial class AuditedHistory
{
    public const string Tickets = "ticket_history";
    public const string Alarms = "alarm_history";

    public static string Row(string table, long id) => string.Create(CultureInfo.InvariantCulture, $"{table} #{id}");

    public static string Range(string table, long first, long last) => string.Create(CultureInfo.InvariantCulture, $"{table} #{first}–#{last}");

    /// <summary>Every history row or range a detail names.</summary>
    public static IEnumerable<(string Table, long First, long Last)> Named(string? detail)
    {
        if (detail is null)
        {
            yield break;
        }

        foreach (Match m in Reference().Matches(detail))
        {
            var first = long.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
            var last = m.Groups[3].Success ? long.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture) : first;
            yield return (m.Groups[1].Value, first, last);
        }
    }

    [GeneratedRegex(@"\b(ticket_history|alarm_history) #(\d{1,18})(?:–#(\d{1,18}))?")]
    private static partial Regex Reference();
}
