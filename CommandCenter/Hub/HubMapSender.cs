using CommandCenter.Drones;
using CommandCenter.Map;
using Microsoft.AspNetCore.SignalR;
using Twin.Data.Diagnostics;

namespace CommandCenter.Hub;

/// <summary>Sends through the hub to one connection (a slow one only holds up its own loop), counting what it sends.</summary>
public sealed class HubMapSender(IHubContext<TwinHub, ITwinClient> hub, TwinMetrics metrics) : IMapSender
{
    public Task SendAsync(string connectionId, MapMessage message, CancellationToken cancellationToken)
    {
        switch (message)
        {
            case SnapshotMessage s:
                metrics.SnapshotSent(s.Snapshot.Utf8.Length);
                return hub.Clients.Client(connectionId).Snapshot(s.Snapshot);
            case DeltaMessage d:
                metrics.DeltaSent();
                return hub.Clients.Client(connectionId).Delta(d.Delta);
            case DronesMessage f:
                return hub.Clients.Client(connectionId).Drones(f.Fleet);
            default:
                throw new ArgumentOutOfRangeException(nameof(message));
        }
    }
}
