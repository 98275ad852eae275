using System.Collections.Immutable;
using Twin.Domain.Alarms;
using Twin.Domain.Dispatch;
using Twin.Domain.Drones;
using Twin.Domain.Sensors;
using Twin.Domain.Tickets;

namespace Twin.Domain.Engine;

/// <summary>
/// An immutable picture of the twin at one version. Tickets are the open ones plus all reported
/// since the start of yesterday (Asia/Shanghai); alarms are the active ones. <see cref="Dispatch"/>
/// is the 一口派单 desk's 评效 over those tickets (always set by the engine).
/// </summary>
public sealed record TwinSnapshot(
    long Version,
    DateTimeOffset At,
    ImmutableArray<SensorState> Sensors,
    ImmutableArray<TicketState> Tickets,
    ImmutableArray<AlarmState> ActiveAlarms,
    VitalSigns VitalSigns,
    DispatchFigures? Dispatch = null)
{
    /// <summary>The fleet, by id.</summary>
    public ImmutableArray<DroneState> Drones { get; init; } = [];

    /// <summary>Active missions (not landed or aborted), by id.</summary>
    public ImmutableArray<MissionState> Missions { get; init; } = [];
}

/// <summary>What the store hands the engine at start-up to rebuild its state.</summary>
public sealed record EngineRestoreState(
    IReadOnlyList<SensorState> Sensors,
    IReadOnlyList<TicketState> Tickets,
    IReadOnlyList<AlarmState> Alarms,
    IReadOnlyList<HourlyObservationAggregate> ObservationAggregates,
    long NextAlarmNumber)
{
    public IReadOnlyList<DroneState> Drones { get; init; } = [];

    /// <summary>Active missions; ended ones are history.</summary>
    public IReadOnlyList<MissionState> Missions { get; init; } = [];

    public long NextMissionNumber { get; init; } = 1;
}

/// <summary>Observations of one sensor kind in one UTC hour, summed (to rebuild hourly means).</summary>
public sealed record HourlyObservationAggregate(SensorKind Kind, DateTimeOffset HourStart, double Sum, int Count);
