using Twin.Domain.Sensors;

namespace Twin.Domain.Engine;

/// <summary>The five views of the city's vital signs, as numbers. Series are hourly, oldest first, last 24 h.</summary>
public sealed record VitalSigns(
    LookFigures Look,
    PulseFigures Pulse,
    PerceptionFigures Perception,
    AlertFigures Alerts,
    VoiceFigures Voice)
{
    /// <summary>The 街镇 these figures are of (<see cref="Organisations.AreaVitalSigns"/>); null for the whole district.</summary>
    public string? SubDistrictCode { get; init; }

    /// <summary>The department (its Chinese name) whose work these figures count; null for the district and a 街镇.</summary>
    public string? Department { get; init; }
}

/// <summary>城市之貌: the standing picture.</summary>
public sealed record LookFigures(
    double AreaKm2,
    int Population,
    int SubDistricts,
    int Neighbourhoods,
    double CorridorKm,
    int SensorsTotal,
    int SensorsOnline,
    int CamerasConnected,
    int CamerasTagged,
    int AiCameras,
    long DataLakeRecords,
    int ResourceCatalogues,
    int MonthlyDataCalls,
    IReadOnlyList<double> SensorsOnlinePerHour);

/// <summary>城市之脉: flows of the loop.</summary>
public sealed record PulseFigures(
    int TicketsToday,
    int TicketsLastHour,
    int ClosedToday,
    int ClosedLastHour,
    int Backlog,
    double? MeanDispatchMinutesToday,
    double? MeanClosureHoursToday,
    IReadOnlyList<double> InPerHour,
    IReadOnlyList<double> ClosedPerHour);

/// <summary>城市之感: sensor state of one kind.</summary>
public sealed record SensorKindFigures(
    SensorKind Kind,
    string Unit,
    int Total,
    int Online,
    int Stale,
    int Offline,
    int Warning,
    int Alarm,
    double? Mean,
    double? Max,
    double WarningLevel,
    double AlarmLevel,
    IReadOnlyList<double> MeanPerHour);

public sealed record PerceptionFigures(IReadOnlyList<SensorKindFigures> Kinds)
{
    public SensorKindFigures? Of(SensorKind kind) => Kinds.FirstOrDefault(k => k.Kind == kind);
}

/// <summary>城市之警: alarms by severity, unacknowledged first.</summary>
public sealed record AlertFigures(
    int Critical,
    int Major,
    int Minor,
    int Info,
    int Unacknowledged,
    TimeSpan? OldestUnacknowledgedAge,
    int RaisedLastHour,
    int SensorAlarmsToday,
    int AiAlarmsToday,
    IReadOnlyList<double> RaisedPerHour)
{
    public int Active => Critical + Major + Minor + Info;
}

public sealed record RankedItem(string Key, string Name, int Count);

/// <summary>城市之声: citizens' channels.</summary>
public sealed record VoiceFigures(
    int HotlineToday,
    int HotlineSameTimeYesterday,
    int CitizenAppToday,
    IReadOnlyList<RankedItem> TopCategories,
    IReadOnlyList<RankedItem> HotspotSubDistricts,
    IReadOnlyList<RankedItem> HotWords,
    IReadOnlyList<double> HotlinePerHour);
