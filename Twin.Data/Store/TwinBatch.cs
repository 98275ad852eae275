using Twin.Domain.Engine;
using Twin.Domain.Sensors;
using Twin.Domain.Tickets;

namespace Twin.Data.Store;

/// <summary>
/// What one pipeline batch changed, written in one transaction: the accepted observations, the
/// accepted ticket reports (with the RAW reporter, which events never carry), the engine's events
/// and the sensors whose current state changed.
/// </summary>
public sealed record TwinBatch(
    IReadOnlyList<Observation> Observations,
    IReadOnlyList<TicketReport> NewTickets,
    IReadOnlyList<TwinEvent> Events,
    IReadOnlyList<SensorState> ChangedSensors)
{
    /// <summary>A simulated past written by the warm start: audited as ranges, not step by step.</summary>
    public bool IsReplay { get; init; }

    /// <summary>
    /// With two or more nodes, the outcomes of the inbox commands in this batch (inbox row id and
    /// outcome as JSON), given the row ids of the batch's observations: written in the batch's own
    /// transaction, so a command whose batch committed is answered, and never applied again by a
    /// next writer (docs/two-nodes.md).
    /// </summary>
    public Func<IReadOnlyList<long>, IReadOnlyList<(long InboxId, string Outcome)>>? InboxAnswers { get; init; }

    public bool IsEmpty => Observations.Count == 0 && NewTickets.Count == 0 && Events.Count == 0 && ChangedSensors.Count == 0 && InboxAnswers is null;
}
