using Twin.Domain.Geography;

namespace Twin.Domain.Drones;

/// <summary>
/// A frame captured from a drone's feed and attached to a ticket (图像回传). <see cref="Sha256"/>
/// is computed by the engine from <see cref="Jpeg"/>, so the stored hash always matches the bytes.
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
    byte[] Jpeg);

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
    int Bytes);
