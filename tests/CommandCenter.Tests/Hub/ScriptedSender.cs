using System.Collections.Concurrent;
using CommandCenter.Drones;
using CommandCenter.Map;

namespace CommandCenter.Tests.Hub;

/// <summary>Records what each connection was sent; the slow one blocks inside its first send until released.</summary>
internal sealed class ScriptedSender(string? slow) : IMapSender
{
    private readonly ConcurrentDictionary<string, List<string>> _received = new();
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public List<string> Received(string connectionId)
    {
        var list = _received.GetOrAdd(connectionId, _ => []);
        lock (list)
        {
            return [.. list];
        }
    }

    public void ReleaseSlow() => _release.TrySetResult();

    public async Task SendAsync(string connectionId, MapMessage message, CancellationToken cancellationToken)
    {
        var list = _received.GetOrAdd(connectionId, _ => []);
        lock (list)
        {
            list.Add(message switch
            {
                SnapshotMessage s => $"snapshot {s.Snapshot.Value.Seq}",
                DeltaMessage d => $"delta {d.Delta.Value.Seq}",
                DronesMessage f => $"drones {f.Fleet.Value.RoutesVersion}",
                _ => "?",
            });
        }

        if (connectionId == slow)
        {
            await _release.Task.WaitAsync(cancellationToken);
        }
    }
}
