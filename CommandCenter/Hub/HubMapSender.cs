using CommandCenter.Drones;
using CommandCenter.Map;
using Microsoft.AspNetCore.SignalR;

namespace CommandCenter.Hub;

/// <summary>Sends through the hub to one connection: a slow one only holds up its own loop.</summary>
public sealed class HubMapSender(IHubContext<TwinHub, ITwinClient> hub) : IMapSender
{
    public Task SendAsync(string connectionId, MapMessage message, CancellationToken cancellationToken) => message switch
    {
        SnapshotMessage s => hub.Clients.Client(connectionId).Snapshot(s.Snapshot),
        DeltaMessage d => hub.Clients.Client(connectionId).Delta(d.Delta),
        DronesMessage f => hub.Clients.Client(connectionId).Drones(f.Fleet),
        _ => throw new ArgumentOutOfRangeException(nameof(message)),
    };
}
