using System.Globalization;
using CommandCenter.Ingestion.Common;
using CommandCenter.Map;
using Twin.Domain.Alarms;

namespace CommandCenter.Ingestion.Cap;

/// <summary>
/// What a real warning about Putuo looks like: sent recently (not years ago, not in the future),
/// expiring after it was sent and within weeks, covering an area of a district's order rather
/// than a province or the globe. Anything else is a fault or a forgery and is refused with why.
/// </summary>
public static class CapPlausibility
{
    private const double KmPerDegree = 111.32;

    public static string? TimeProblem(CapMessage message, DateTimeOffset now, IngestionOptions limits)
    {
        if (message.Sent > now + limits.MaxClockSkew)
        {
            return $"<sent> {Iso(message.Sent)} is more than {limits.MaxClockSkewSeconds} s ahead of the twin's clock ({Iso(now)}).";
        }

        if (message.Sent < now - limits.MaxReadingAge)
        {
            return $"<sent> {Iso(message.Sent)} is more than {Days(limits.MaxReadingAgeDays)} days before the twin's clock ({Iso(now)}); the alert is no longer current.";
        }

        if (message.Info?.Expires is not { } expires)
        {
            return null;
        }

        if (expires <= message.Sent)
        {
            return $"<expires> {Iso(expires)} is not after <sent> {Iso(message.Sent)}.";
        }

        return expires > message.Sent.AddDays(limits.MaxCapValidityDays)
            ? $"<expires> {Iso(expires)} is more than {Days(limits.MaxCapValidityDays)} days after <sent> {Iso(message.Sent)}."
            : null;
    }

    /// <summary>Null when the area is at most <paramref name="maxKm2"/>; its size is that of the shapes on a local flat projection.</summary>
    public static string? AreaProblem(AlarmArea area, double maxKm2)
    {
        var geometry = AreaGeometry.ToGeometry(area);
        var centre = geometry.EnvelopeInternal.Centre;
        var km2 = geometry.Area * KmPerDegree * KmPerDegree * Math.Cos(centre.Y * Math.PI / 180);
        return km2 > maxKm2
            ? string.Create(CultureInfo.InvariantCulture, $"The alert's area is about {km2:0} km², larger than the {maxKm2:0.##} km² a warning for the district may cover (Twin:Ingestion:MaxCapAreaKm2).")
            : null;
    }

    private static string Iso(DateTimeOffset t) => t.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static string Days(double days) => days.ToString("0.##", CultureInfo.InvariantCulture);
}
