using Twin.Domain.Alarms;
using Twin.Domain.Dispatch;

namespace Twin.Domain.Engine;

public sealed class EngineOptions
{
    /// <summary>How far ahead of the engine's clock a timestamp may be before it is refused.</summary>
    public TimeSpan MaxClockSkew { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How far behind the engine's clock a reading may be. A late reading within it is kept in the
    /// history; an older one is refused (a gateway replaying a lost week is an import, not a feed).
    /// </summary>
    public TimeSpan MaxReadingAge { get; init; } = TimeSpan.FromDays(7);

    /// <summary>A sensor silent for this many report intervals is stale …</summary>
    public double StaleAfterIntervals { get; init; } = 3;

    /// <summary>… and offline after this many.</summary>
    public double OfflineAfterIntervals { get; init; } = 10;

    public double LowBatteryPercent { get; init; } = 15;

    /// <summary>
    /// Whether CAP warnings and gauge breaches propose an emergency. A replay of past days (the warm
    /// start) turns it off: a proposal is a question to the people on duty now.
    /// </summary>
    public bool ProposeModes { get; init; } = true;

    /// <summary>An airborne drone silent for this long is shown as having lost its link.</summary>
    public TimeSpan DroneLinkLostAfter { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>A drone reporting a link quality below this has lost its link.</summary>
    public double DroneLinkLostBelowPercent { get; init; } = 10;

    /// <summary>Below this battery a drone takes no new mission.</summary>
    public double MinMissionBatteryPercent { get; init; } = 30;

    /// <summary>The track drawn behind a drone: this many points, at least this far apart.</summary>
    public int DroneTrailPoints { get; init; } = 60;

    public double DroneTrailSpacingMetres { get; init; } = 15;

    /// <summary>How long after closing a ticket's 评价 is taken.</summary>
    public EvaluationWindow Evaluation { get; init; } = EvaluationWindow.Default;

    public DistrictFacts Facts { get; init; } = new();

    /// <summary>When a new report joins an open case (一口派单 merging).</summary>
    public DuplicateRules Duplicates { get; init; } = new();

    /// <summary>How long an alarm may stay unacknowledged before the supervisor, then the leader on duty, is called in.</summary>
    public AlarmEscalationRules AlarmEscalation { get; init; } = new();
}

/// <summary>
/// One severity's escalation timers, counted from when the alarm was raised; null never escalates
/// that far. The leader's comes after the supervisor's.
/// </summary>
public sealed record AlarmEscalationTimers(TimeSpan? ToSupervisor, TimeSpan? ToLeader)
{
    public static readonly AlarmEscalationTimers Never = new(null, null);

    /// <summary>The duty level an alarm raised <paramref name="age"/> ago has reached (<see cref="AlarmDutyLevels"/>).</summary>
    public int LevelAt(TimeSpan age) =>
        ToLeader is { } leader && age >= leader ? AlarmDutyLevels.Leader
        : ToSupervisor is { } supervisor && age >= supervisor ? AlarmDutyLevels.Supervisor
        : AlarmDutyLevels.None;

    /// <summary>When the next level is due after <paramref name="level"/>, counted from the raise; null when none follows.</summary>
    public TimeSpan? NextAfter(int level) => level switch
    {
        AlarmDutyLevels.None => ToSupervisor ?? ToLeader,
        AlarmDutyLevels.Supervisor => ToLeader,
        _ => null,
    };
}

/// <summary>
/// The escalation timers per severity. Defaults follow the centre's practice of answering a 红色
/// alarm within minutes: critical 5/15 min, major 15/60, minor 60/240; info never escalates.
/// </summary>
public sealed record AlarmEscalationRules
{
    public AlarmEscalationTimers Critical { get; init; } = new(TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15));

    public AlarmEscalationTimers Major { get; init; } = new(TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(60));

    public AlarmEscalationTimers Minor { get; init; } = new(TimeSpan.FromMinutes(60), TimeSpan.FromMinutes(240));

    public AlarmEscalationTimers Info { get; init; } = AlarmEscalationTimers.Never;

    public AlarmEscalationTimers For(AlarmSeverity severity) => severity switch
    {
        AlarmSeverity.Critical => Critical,
        AlarmSeverity.Major => Major,
        AlarmSeverity.Minor => Minor,
        _ => Info,
    };
}

/// <summary>
/// Standing figures of the district for 城市之貌. Defaults are the figures of the seed document
/// (the centre's 2022 reply) and the BRIEF; population is the district's ~1.2 million residents.
/// </summary>
public sealed record DistrictFacts
{
    public int Population { get; init; } = 1_200_000;

    public int CamerasConnected { get; init; } = 21_000;

    public int CamerasTagged { get; init; } = 19_007;

    public int AiCamerasThrownObjects { get; init; } = 135;

    public long DataLakeRecords { get; init; } = 4_522_557_066;

    public int ResourceCatalogues { get; init; } = 6_205;

    public int MonthlyDataCalls { get; init; } = 24_939_631;
}
