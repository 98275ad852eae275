using Twin.Domain.Engine;
using Twin.Domain.Sensors;

namespace Twin.Data.Pipeline;

/// <summary>
/// What one committed batch changed, for pushing deltas. <see cref="IsReset"/> means the engine
/// was rebuilt from the store after a failed write: earlier deltas may be void, so a subscriber
/// should start again from <see cref="TwinPipeline.Current"/>. <see cref="ReadFrom"/> is set on a
/// follower's reload (docs/two-nodes.md): the <see cref="System.Diagnostics.Stopwatch"/> timestamp
/// at which its read of the store began. Every change of the writer's stream received before it is
/// in the reloaded picture; one received after may not be, so a subscriber keeps those.
/// </summary>
public sealed record TwinChangeSet(long Version, IReadOnlyList<TwinEvent> Events, IReadOnlyList<SensorState> ChangedSensors, bool IsReset = false, long? ReadFrom = null);
