using Twin.Domain.Geography;

namespace Twin.Domain.Drones;

/// <summary>Where a capture was taken from, measured against the case it is attached to.</summary>
public static class EvidenceRules
{
    /// <summary>
    /// A drone on station circles 40 m round the case, and its camera at 60–120 m sees about 100 m
    /// round the point under it: a frame taken from farther than this may not show the case at all.
    /// </summary>
    public const double OffStationMetres = 150;

    public static double DistanceMetres(GeoPoint drone, GeoPoint theCase)
    {
        var a = LocalProjection.Putuo.Forward(drone.Lon, drone.Lat);
        var b = LocalProjection.Putuo.Forward(theCase.Lon, theCase.Lat);
        return a.Distance(b);
    }

    public static bool IsOffStation(double distanceMetres) => distanceMetres > OffStationMetres;
}

/// <summary>
/// A frame captured from a drone's feed and attached to a ticket (图像回传). <see cref="Sha256"/>
/// is computed by the engine from <see cref="Jpeg"/>, so the stored hash always matches the bytes.
/// <see cref="DistanceMetres"/> is the drone's distance from the case when it was taken.
/// </summary>
public sealed record EvidenceFrame(
    string Id,
    string TicketId,
    string DroneId,
    DateTimeOffset CapturedAt,
    GeoPoint Position,
    double AltitudeMetres,
    string Sha256,
    string Actor,
    byte[] Jpeg,
    double DistanceMetres)
{
    /// <summary>Taken farther from the case than <see cref="EvidenceRules.OffStationMetres"/>: flagged wherever it is shown.</summary>
    public bool OffStation => EvidenceRules.IsOffStation(DistanceMetres);
}

/// <summary>What a listing of a ticket's evidence shows, without the image bytes.</summary>
public sealed record EvidenceInfo(
    string Id,
    string TicketId,
    string DroneId,
    DateTimeOffset CapturedAt,
    GeoPoint Position,
    double AltitudeMetres,
    string Sha256,
    string Actor,
    int Bytes,
    double DistanceMetres)
{
    public bool OffStation => EvidenceRules.IsOffStation(DistanceMetres);
}
