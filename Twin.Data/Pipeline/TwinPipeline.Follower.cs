using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Twin.Data.Pipeline;

public sealed partial class TwinPipeline
{
    /// <summary>
    /// On a follower node (docs/two-nodes.md), where <see cref="RunAsync"/> does not run: reads the
    /// state the writer committed and publishes it as the current picture, with one reset change set
    /// so subscribers start again from it. Never call it while this pipeline writes.
    /// </summary>
    public async Task ReloadAsync(CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var state = await _store.LoadRestoreStateAsync(_engine.Now, _engine.Evaluation.Length, ct);
        _engine.Restore(state);
        PublishSnapshot();
        LogReloaded(_engine.Version, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        RaiseCommitted(new TwinChangeSet(_engine.Version, [], [], IsReset: true, ReadFrom: started));
    }

    /// <summary>
    /// On a follower: the writer's committed changes as its stream delivers them (Nodes/ChangeStream), told to this
    /// node's subscribers at once, so its screens need not wait for the next reload. <see cref="Current"/> takes them
    /// with that reload.
    /// </summary>
    public void RaiseFollowed(TwinChangeSet changes) => RaiseCommitted(changes with { Version = _current.Version });

    [LoggerMessage(Level = LogLevel.Debug, Message = "Follower's read model reloaded from the store (version {Version}) in {Milliseconds:F0} ms.")]
    private partial void LogReloaded(long version, double milliseconds);
}
