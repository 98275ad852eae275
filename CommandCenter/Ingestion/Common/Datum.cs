using Twin.Domain.Datum;
using Twin.Domain.Geography;

namespace CommandCenter.Ingestion.Common;

/// <summary>
/// The datum of incoming coordinates: WGS-84 unless the caller says <c>datum=gcj02</c> (the
/// offset datum of Chinese web maps), which is converted with the published transform.
/// </summary>
public enum InputDatum
{
    Wgs84,
    Gcj02,
}

public static class Datums
{
    /// <summary>Null (with <paramref name="problem"/>) for anything but wgs84/gcj02; absent means WGS-84.</summary>
    public static InputDatum? Parse(string? value, out string? problem)
    {
        problem = null;
        switch (value?.Trim().ToLowerInvariant())
        {
            case null or "" or "wgs84" or "wgs-84" or "epsg:4326":
                return InputDatum.Wgs84;
            case "gcj02" or "gcj-02":
                return InputDatum.Gcj02;
            default:
                problem = $"Unknown datum '{value}': use wgs84 (the default) or gcj02.";
                return null;
        }
    }

    public static GeoPoint ToWgs84(this InputDatum datum, double lon, double lat)
    {
        if (datum == InputDatum.Wgs84)
        {
            return new GeoPoint(lon, lat);
        }

        var (wLon, wLat) = Gcj02.ToWgs84(lon, lat);
        return new GeoPoint(wLon, wLat);
    }
}
