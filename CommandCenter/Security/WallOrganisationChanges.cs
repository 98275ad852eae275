namespace CommandCenter.Security;

/// <summary>
/// Tells the live feeds that a wall device now belongs to another organisation. A wall keeps its
/// session for months, so nothing else would make its open feeds take the new scope; the hub
/// listens and re-subscribes that device's connections.
/// </summary>
public sealed class WallOrganisationChanges
{
    public event Action<string>? DeviceChanged;

    public void Changed(string deviceId) => DeviceChanged?.Invoke(deviceId);
}
