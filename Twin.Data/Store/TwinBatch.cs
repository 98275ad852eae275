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

    public bool IsEmpty => Observations.Count == 0 && NewTickets.Count == 0 && Events.Count == 0 && ChangedSensors.Count == 0;
}
