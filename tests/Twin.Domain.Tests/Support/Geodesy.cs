using Twin.Domain.Geography;

namespace Twin.Domain.Tests.Support;

/// <summary>Reference distances on the WGS-84 ellipsoid (Vincenty's inverse formula, sub-millimetre here).</summary>
public static class Geodesy
{
    private const double A = 6_378_137.0;
    private const double F = 1 / 298.257223563;
    private const double B = A * (1 - F);

    public static double DistanceMetres(GeoPoint p, GeoPoint q)
    {
        var l = ToRadians(q.Lon - p.Lon);
        var u1 = Math.Atan((1 - F) * Math.Tan(ToRadians(p.Lat)));
        var u2 = Math.Atan((1 - F) * Math.Tan(ToRadians(q.Lat)));
        var (sinU1, cosU1, sinU2, cosU2) = (Math.Sin(u1), Math.Cos(u1), Math.Sin(u2), Math.Cos(u2));
        var lambda = l;
        double sinSigma, cosSigma, sigma, cos2Alpha, cos2SigmaM;
        var iterations = 0;
        while (true)
        {
            var (sinLambda, cosLambda) = (Math.Sin(lambda), Math.Cos(lambda));
            sinSigma = Math.Sqrt(Math.Pow(cosU2 * sinLambda, 2) + Math.Pow(cosU1 * sinU2 - sinU1 * cosU2 * cosLambda, 2));
            if (sinSigma == 0)
            {
                return 0;
            }

            cosSigma = sinU1 * sinU2 + cosU1 * cosU2 * cosLambda;
            sigma = Math.Atan2(sinSigma, cosSigma);
            var sinAlpha = cosU1 * cosU2 * sinLambda / sinSigma;
            cos2Alpha = 1 - sinAlpha * sinAlpha;
            cos2SigmaM = cosSigma - 2 * sinU1 * sinU2 / cos2Alpha;
            var c = F / 16 * cos2Alpha * (4 + F * (4 - 3 * cos2Alpha));
            var previous = lambda;
            lambda = l + (1 - c) * F * sinAlpha * (sigma + c * sinSigma * (cos2SigmaM + c * cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)));
            if (Math.Abs(lambda - previous) < 1e-12 || ++iterations > 200)
            {
                break;
            }
        }

        var uSquared = cos2Alpha * (A * A - B * B) / (B * B);
        var bigA = 1 + uSquared / 16384 * (4096 + uSquared * (-768 + uSquared * (320 - 175 * uSquared)));
        var bigB = uSquared / 1024 * (256 + uSquared * (-128 + uSquared * (74 - 47 * uSquared)));
        var deltaSigma = bigB * sinSigma * (cos2SigmaM + bigB / 4 * (cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)
            - bigB / 6 * cos2SigmaM * (-3 + 4 * sinSigma * sinSigma) * (-3 + 4 * cos2SigmaM * cos2SigmaM)));
        return B * bigA * (sigma - deltaSigma);
    }

    private static double ToRadians(double degrees) => degrees * Math.PI / 180;
}
