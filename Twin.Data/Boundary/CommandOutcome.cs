using Twin.Domain.Engine;

namespace Twin.Data.Boundary;

public enum OutcomeKind
{
    /// <summary>The input changed the twin and that change is on disk.</summary>
    Applied,

    /// <summary>Its idempotency key was already known: nothing changed, <see cref="CommandOutcome.Id"/> names what the first copy made.</summary>
    Replayed,

    /// <summary>
    /// Its idempotency key was already known but the stored record says otherwise (another result
    /// for the same reading, another severity for the same CAP message): nothing changed,
    /// <see cref="CommandOutcome.Id"/> names the stored record and <see cref="CommandOutcome.Reason"/> describes it.
    /// </summary>
    Conflict,

    /// <summary>The engine (or the role check in front of it) refused it; nothing changed.</summary>
    Refused,
}

/// <summary>
/// What one input did, answered once the batch holding it is on disk: whether it was applied,
/// replayed or refused, the id of what it created or found (ticket, alarm, mission, evidence;
/// for a reading its row in the observations table), and the changes it made, so that the caller
/// never reads the store again to learn what it just did.
/// </summary>
public sealed record CommandOutcome
{
    public required OutcomeKind Kind { get; init; }

    public string? Reason { get; init; }

    /// <summary>Why the engine or the role check refused it, as a code a screen words in its language (null for an API's refusal).</summary>
    public Refusal? Why { get; init; }

    /// <summary>The ticket, alarm, mission, evidence, sensor or drone the input created, found or acted on.</summary>
    public string? Id { get; init; }

    /// <summary>A reading's row id (the SensorThings Observation id), stored or found.</summary>
    public long? ObservationId { get; init; }

    /// <summary>The events this input made, in order (empty when replayed or refused).</summary>
    public IReadOnlyList<TwinEvent> Changes { get; init; } = [];

    /// <summary>True when the role check in front of the writer, or the engine's check of the person's scope, refused it.</summary>
    public bool Forbidden { get; init; }

    public bool Accepted => Kind == OutcomeKind.Applied;

    public bool Replayed => Kind == OutcomeKind.Replayed;

    public bool Conflict => Kind == OutcomeKind.Conflict;

    /// <summary>Applied now or by an earlier copy carrying the same body: either way the thing exists as asked.</summary>
    public bool Exists => Kind is OutcomeKind.Applied or OutcomeKind.Replayed;

    /// <param name="reason">The English sentence for APIs and logs.</param>
    /// <param name="why">The code a screen words in its language.</param>
    public static CommandOutcome Refused(string reason, bool forbidden = false, Refusal? why = null) =>
        new() { Kind = OutcomeKind.Refused, Reason = reason, Forbidden = forbidden, Why = why };
}
