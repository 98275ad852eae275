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

    /// <summary>One whole JPEG (start and end markers) of at most <paramref name="maxBytes"/>: what drone frames and camera snapshots must be.</summary>
    public static bool IsJpeg(byte[]? bytes, int maxBytes) =>
        bytes is { Length: >= 4 } b && b.Length <= maxBytes && b[0] == 0xFF && b[1] == 0xD8 && b[^2] == 0xFF && b[^1] == 0xD9;
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

/// <summary>
/// What a listing of a ticket's evidence shows, without the image bytes: a drone's frame
/// (<see cref="DroneId"/>) or the AI camera snapshot of the alarm the case was filed from (<see cref="CameraId"/>).
/// </summary>
public sealed record EvidenceInfo(
    string Id,
    string TicketId,
    string? DroneId,
    DateTimeOffset CapturedAt,
    GeoPoint Position,
    double AltitudeMetres,
    string Sha256,
    string Actor,
    int Bytes,
    double DistanceMetres)
{
    public string? CameraId { get; init; }

    /// <summary>Only a drone can be off station; a camera snapshot is placed where its alarm was.</summary>
    public bool OffStation => DroneId is not null && EvidenceRules.IsOffStation(DistanceMetres);
}
