using Twin.Data.Nodes;

namespace CommandCenter.Security;

/// <summary>
/// Carries a wall's move to another organisation to every node (docs/two-nodes.md): the admin's
/// node sends it on PostgreSQL's <see cref="NodeSignals.WallMoved"/> channel, and each other node
/// re-scopes the wall's feeds it holds. The store's notification rather than the Redis backplane,
/// because every node of a deployment shares the database, whereas the backplane only reaches
/// SignalR clients, not the nodes' own services. On SQLite (one node) there is nobody to tell.
/// </summary>
public sealed partial class WallMovesAcrossNodes(WallOrganisationChanges changes, ILogger<WallMovesAcrossNodes> logger, TwinNodes? nodes = null) : IHostedService
{
    /// <summary>This process, so a node does not re-scope its walls a second time on its own notification.</summary>
    private readonly string _node = Guid.NewGuid().ToString("N");

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (nodes is not null)
        {
            changes.MovedHere += Publish;
            nodes.Signals.Received += OnNotified;
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        if (nodes is not null)
        {
            changes.MovedHere -= Publish;
            nodes.Signals.Received -= OnNotified;
        }

        return Task.CompletedTask;
    }

    private void Publish(string deviceId) => _ = PublishAsync(deviceId);

    private async Task PublishAsync(string deviceId)
    {
        try
        {
            await nodes!.Signals.NotifyAsync(NodeSignals.WallMoved, _node + " " + deviceId, CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The move is stored; a wall on another node takes its new scope when it next connects.
            LogNotifyFailed(ex, deviceId);
        }
    }

    private void OnNotified(string channel, string payload)
    {
        if (channel == NodeSignals.WallMoved && payload.Split(' ', 2) is [var node, var deviceId] && node != _node)
        {
            changes.ChangedOnAnotherNode(deviceId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telling the other nodes that wall {DeviceId} moved failed; its feeds there keep the old scope until it reconnects.")]
    private partial void LogNotifyFailed(Exception exception, string deviceId);
}
