using System.Security.Cryptography;

namespace Twin.Domain.Alarms;

/// <summary>
/// The frame an AI camera took of what it detected (e.g. the 高空抛物 box), kept with the alarm and
/// attached to the case it is filed as. <see cref="Sha256"/> is computed by the engine from the bytes.
/// It may show people: it is shown only where a ticket's evidence is (the console), never on the wall.
/// </summary>
public sealed record AlarmSnapshot(string Id, string AlarmId, string CameraId, DateTimeOffset CapturedAt, string Sha256, byte[] Jpeg)
{
    public static AlarmSnapshot Of(string alarmId, string cameraId, DateTimeOffset capturedAt, byte[] jpeg) =>
        new(AlarmSnapshots.IdFor(alarmId), alarmId, cameraId, capturedAt, Convert.ToHexStringLower(SHA256.HashData(jpeg)), jpeg);
}

public static class AlarmSnapshots
{
    /// <summary>A camera frame of a few hundred pixels is tens of KB; anything past this is not a snapshot.</summary>
    public const int MaxBytes = 512 * 1024;

    /// <summary>One alarm, one snapshot: A-00000012 → AS-00000012, also its evidence id once filed.</summary>
    public static string IdFor(string alarmId) => "AS-" + (alarmId.StartsWith("A-", StringComparison.Ordinal) ? alarmId[2..] : alarmId);
}
