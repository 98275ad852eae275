using System.Globalization;
using Twin.Domain.Briefing;
using Twin.Domain.Vocabulary;

namespace CommandCenter.Briefing;

/// <summary>
/// What a briefing is asked for, from a query string (<c>day</c>, <c>period</c> = day|week|month|custom,
/// <c>from</c>, <c>to</c> as yyyy-MM-dd): the page, the exports and the daily briefing read it alike.
/// Without a day, today (Shanghai); without a period, the month of the day.
/// </summary>
public sealed record BriefingQuery(DateOnly Day, PeriodKind Kind, BriefingPeriod? Period, Term? Problem)
{
    public static BriefingQuery Parse(string? day, string? period, string? from, string? to, DateTimeOffset now)
    {
        var today = BriefingPeriod.DayOf(now);
        if (!TryDay(day, today, out var theDay))
        {
            return new(today, PeriodKind.Month, null, new("日期应为 yyyy-MM-dd。", "The day must be yyyy-MM-dd."));
        }

        if (theDay > today)
        {
            return new(today, PeriodKind.Month, null, new("日期不能晚于今天。", "The day cannot be after today."));
        }

        if (!Enum.TryParse<PeriodKind>(period ?? nameof(PeriodKind.Month), ignoreCase: true, out var kind) || !Enum.IsDefined(kind))
        {
            return new(theDay, PeriodKind.Month, null, new("周期应为 day、week、month 或 custom。", "The period must be day, week, month or custom."));
        }

        if (kind != PeriodKind.Custom)
        {
            return new(theDay, kind, BriefingPeriod.Containing(kind, theDay), null);
        }

        if (!TryDay(from, theDay, out var first) || !TryDay(to, theDay, out var last))
        {
            return new(theDay, kind, null, new("起止日期应为 yyyy-MM-dd。", "From and to must be yyyy-MM-dd."));
        }

        return BriefingPeriod.Custom(first, last) is { } custom
            ? new(theDay, kind, custom, null)
            : new(theDay, kind, null, new($"结束日期不能早于开始日期，且不超过{BriefingPeriod.MaxDays}天。", $"The end cannot be before the start, and a period is at most {BriefingPeriod.MaxDays} days."));
    }

    public static string Href(string path, string day, PeriodKind kind, string from, string to)
    {
        var query = $"{path}?day={Uri.EscapeDataString(day)}&period={kind.ToString().ToLowerInvariant()}";
        return kind == PeriodKind.Custom ? query + $"&from={Uri.EscapeDataString(from)}&to={Uri.EscapeDataString(to)}" : query;
    }

    private static bool TryDay(string? text, DateOnly fallback, out DateOnly day)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            day = fallback;
            return true;
        }

        return DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
    }
}
