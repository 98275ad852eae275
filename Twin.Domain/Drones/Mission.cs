using System.Collections.Immutable;
using Twin.Domain.Geography;

namespace Twin.Domain.Drones;

public enum MissionKind
{
    /// <summary>A scheduled patrol along a route.</summary>
    Patrol,

    /// <summary>An ad-hoc flight to a ticket's location.</summary>
    TicketFlight,

    /// <summary>An ad-hoc flight to an alarm's location.</summary>
    AlarmFlight,
}

public enum MissionStatus
{
    Planned,
    Flying,
    OnStation,
    Returning,
    Landed,
    Aborted,
}

/// <summary>What an officer, the scheduler or the simulator asks for; the engine fills in the target's location.</summary>
public sealed record MissionPlan(
    string DroneId,
    MissionKind Kind,
    string Actor,
    string? RouteId = null,
    IReadOnlyList<GeoPoint>? Waypoints = null,
    string? TargetId = null,
    DateTimeOffset? ScheduledFor = null,
    bool Preempt = false);

/// <summary>A mission: where the drone goes (waypoints; a flight has one, the target) and where it stands.</summary>
public sealed record MissionState(
    string Id,
    string DroneId,
    MissionKind Kind,
    MissionStatus Status,
    string? RouteId,
    string? TargetId,
    ImmutableArray<GeoPoint> Waypoints,
    DateTimeOffset PlannedAt,
    DateTimeOffset? ScheduledFor,
    DateTimeOffset UpdatedAt,
    string Actor,
    string? Note)
{
    public bool IsActive => Status is not (MissionStatus.Landed or MissionStatus.Aborted);
}

/// <summary>
/// planned → flying → on station → returning → landed; a patrol returns straight from flying
/// (its "station" is the whole route); aborted from planned or any in-flight state. Landed and
/// aborted are final.
/// </summary>
public static class MissionStateMachine
{
    public static bool IsInFlight(this MissionStatus status) =>
        status is MissionStatus.Flying or MissionStatus.OnStation or MissionStatus.Returning;

    /// <summary>Null when <paramref name="from"/> → <paramref name="to"/> is legal, otherwise why not.</summary>
    public static string? Refusal(MissionStatus from, MissionStatus to) => (from, to) switch
    {
        (MissionStatus.Landed or MissionStatus.Aborted, _) => $"the mission is already {Name(from)}",
        (_, MissionStatus.Aborted) => null,
        (MissionStatus.Planned, MissionStatus.Flying) => null,
        (MissionStatus.Flying, MissionStatus.OnStation or MissionStatus.Returning) => null,
        (MissionStatus.OnStation, MissionStatus.Returning) => null,
        (MissionStatus.Returning, MissionStatus.Landed) => null,
        _ when from == to => $"the mission is already {Name(from)}",
        _ => $"a mission cannot go from {Name(from)} to {Name(to)}",
    };

    public static string Name(MissionStatus status) => status switch
    {
        MissionStatus.Planned => "planned",
        MissionStatus.Flying => "flying",
        MissionStatus.OnStation => "on station",
        MissionStatus.Returning => "returning",
        MissionStatus.Landed => "landed",
        _ => "aborted",
    };
}
