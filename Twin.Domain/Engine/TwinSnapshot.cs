using System.Collections.Immutable;
using Twin.Domain.Alarms;
using Twin.Domain.Dispatch;
using Twin.Domain.Drones;
using Twin.Domain.Emergency;
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

    /// <summary>日常 or 应急 (with type and level): what the header shows. Only a person changes it; alarms do not.</summary>
    public OperatingMode Mode { get; init; } = OperatingMode.Daily(DateTimeOffset.MinValue);

    /// <summary>True in 应急 mode, whatever alarms are active.</summary>
    public bool IsEmergency => Mode.IsEmergency;

    /// <summary>Open proposals to enter or raise an emergency, oldest first: the console's banner.</summary>
    public ImmutableArray<ModeProposal> Proposals { get; init; } = [];

    /// <summary>The running plan's checklist (withdrawn steps left out), in start order.</summary>
    public ImmutableArray<ChecklistStep> Checklist { get; init; } = [];

    public ChecklistProgress ChecklistProgress => ChecklistProgress.Of(Checklist, At);

    /// <summary>Supplies per depot and item.</summary>
    public ImmutableArray<StockLevel> Stock { get; init; } = [];

    /// <summary>Every rain gauge: mm/h now and mm over the last 24 h.</summary>
    public ImmutableArray<RainfallFigure> Rainfall { get; init; } = [];
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

    public EmergencyRestoreState Emergency { get; init; } = EmergencyRestoreState.Daily;

    /// <summary>Hourly sums of each rain gauge over the last day, for its 24 h total.</summary>
    public IReadOnlyList<SensorHourlyAggregate> RainfallAggregates { get; init; } = [];
}

/// <summary>Observations of one sensor in one UTC hour, summed (to rebuild a rain gauge's 24 h total).</summary>
public sealed record SensorHourlyAggregate(string SensorId, DateTimeOffset HourStart, double Sum, int Count);

/// <summary>Observations of one sensor kind in one UTC hour, summed (to rebuild hourly means).</summary>
public sealed record HourlyObservationAggregate(SensorKind Kind, DateTimeOffset HourStart, double Sum, int Count);
