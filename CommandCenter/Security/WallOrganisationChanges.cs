namespace CommandCenter.Security;

/// <summary>
/// Tells the live feeds that a wall device now belongs to another organisation. A wall keeps its
/// session for months, so nothing else would make its open feeds take the new scope; the hub and
/// the wall page listen and take the new scope. With two or more nodes the wall may be connected to
/// another node than the admin's: <see cref="WallMovesAcrossNodes"/> carries the move to them.
/// </summary>
public sealed class WallOrganisationChanges
{
    /// <summary>A wall was moved, on this node or another: its feeds on this node take the new scope.</summary>
    public event Action<string>? DeviceChanged;

    /// <summary>An admin moved a wall on this node: the other nodes are to be told.</summary>
    public event Action<string>? MovedHere;

    public void Changed(string deviceId)
    {
        DeviceChanged?.Invoke(deviceId);
        MovedHere?.Invoke(deviceId);
    }

    /// <summary>Another node's admin moved the wall; this node only updates its own feeds.</summary>
    public void ChangedOnAnotherNode(string deviceId) => DeviceChanged?.Invoke(deviceId);
}
