using Twin.Domain.Engine;
using Twin.Domain.Sensors;

namespace Twin.Data.Pipeline;

/// <summary>
/// What one committed batch changed, for pushing deltas. <see cref="IsReset"/> means the engine
/// was rebuilt from the store after a failed write: earlier deltas may be void, so a subscriber
/// should start again from <see cref="TwinPipeline.Current"/>.
/// </summary>
public sealed record TwinChangeSet(long Version, IReadOnlyList<TwinEvent> Events, IReadOnlyList<SensorState> ChangedSensors, bool IsReset = false);
