namespace Twin.Domain.Datum;

/// <summary>
/// The published WGS-84 ↔ GCJ-02 transform (Krasovsky 1940 ellipsoid constants) used by Chinese
/// web maps. The inverse has no closed form, so it iterates the forward transform to 1e-7°.
/// </summary>
public static class Gcj02
{
    private const double SemiMajorAxis = 6378245.0;
    private const double EccentricitySquared = 0.00669342162296594323;

    public static (double Lon, double Lat) FromWgs84(double lon, double lat)
    {
        var (dLon, dLat) = Offset(lon, lat);
        return (lon + dLon, lat + dLat);
    }

    public static (double Lon, double Lat) ToWgs84(double lon, double lat)
    {
        var wgsLon = lon;
        var wgsLat = lat;
        for (var i = 0; i < 30; i++)
        {
            var (gLon, gLat) = FromWgs84(wgsLon, wgsLat);
            var errLon = gLon - lon;
            var errLat = gLat - lat;
            wgsLon -= errLon;
            wgsLat -= errLat;
            if (Math.Abs(errLon) < 1e-9 && Math.Abs(errLat) < 1e-9)
            {
                break;
            }
        }

        return (wgsLon, wgsLat);
    }

    private static (double DLon, double DLat) Offset(double lon, double lat)
    {
        var x = lon - 105.0;
        var y = lat - 35.0;
        var dLat = TransformLat(x, y);
        var dLon = TransformLon(x, y);
        var radLat = lat / 180.0 * Math.PI;
        var magic = Math.Sin(radLat);
        magic = 1 - EccentricitySquared * magic * magic;
        var sqrtMagic = Math.Sqrt(magic);
        dLat = dLat * 180.0 / (SemiMajorAxis * (1 - EccentricitySquared) / (magic * sqrtMagic) * Math.PI);
        dLon = dLon * 180.0 / (SemiMajorAxis / sqrtMagic * Math.Cos(radLat) * Math.PI);
        return (dLon, dLat);
    }

    private static double TransformLat(double x, double y)
    {
        var ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.Sqrt(Math.Abs(x));
        ret += (20.0 * Math.Sin(6.0 * x * Math.PI) + 20.0 * Math.Sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        ret += (20.0 * Math.Sin(y * Math.PI) + 40.0 * Math.Sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
        ret += (160.0 * Math.Sin(y / 12.0 * Math.PI) + 320 * Math.Sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
        return ret;
    }

    private static double TransformLon(double x, double y)
    {
        var ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.Sqrt(Math.Abs(x));
        ret += (20.0 * Math.Sin(6.0 * x * Math.PI) + 20.0 * Math.Sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        ret += (20.0 * Math.Sin(x * Math.PI) + 40.0 * Math.Sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
        ret += (150.0 * Math.Sin(x / 12.0 * Math.PI) + 300.0 * Math.Sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
        return ret;
    }
}
