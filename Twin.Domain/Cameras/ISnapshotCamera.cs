using Twin.Domain.Alarms;

namespace Twin.Domain.Cameras;

/// <summary>
/// Takes an AI camera's frame of a detection as one JPEG. The simulator asks it for every AI video
/// event it raises; drawing needs an image library, which the domain leaves to the host.
/// </summary>
public interface ISnapshotCamera
{
    byte[] Capture(Camera camera, AiVideoEvent detection);
}
