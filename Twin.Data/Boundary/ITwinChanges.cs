using Twin.Data.Pipeline;

namespace Twin.Data.Boundary;

/// <summary>How a subscriber takes the committed changes when it falls behind.</summary>
public enum ChangeDelivery
{
    /// <summary>
    /// A bounded queue: a subscriber that falls more than its capacity behind loses what it has
    /// not read and is handed one reset change set instead, from which it reloads the current
    /// picture (the map, the drones: a picture, where the latest state is what counts).
    /// </summary>
    Latest,

    /// <summary>Every change set, in order, however far behind (the audit mirror: a record, where each step counts).</summary>
    Every,
}

/// <summary>
/// The committed changes, pushed after each batch that changed something. Each subscription has
/// its own queue and its own reader, so a slow subscriber never stalls the writer or the others;
/// disposing the subscription stops its deliveries.
/// </summary>
public interface ITwinChanges
{
    /// <param name="name">Names the subscriber in logs.</param>
    /// <param name="onChanges">Called for one change set at a time, in commit order.</param>
    IDisposable Subscribe(string name, Func<TwinChangeSet, CancellationToken, Task> onChanges, ChangeDelivery delivery = ChangeDelivery.Latest);
}
