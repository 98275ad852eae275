using Twin.Domain.Alarms;
using Twin.Domain.Sensors;
using Twin.Domain.Tickets;

namespace Twin.Domain.Catalogue;

/// <summary>Time limit of each step of the loop for one category (处置标准).</summary>
public sealed record StepTimeLimits(TimeSpan Dispatch, TimeSpan Handle, TimeSpan Review);

/// <summary>One entry of the event catalogue (事项目录) with its owner (责任清单).</summary>
public sealed record EventCategory(
    string Code,
    string NameZh,
    string NameEn,
    string Department,
    TicketPriority DefaultPriority,
    SensorKind? SensorKind,
    bool CreekRelated,
    IReadOnlyList<string> Keywords,
    StepTimeLimits TimeLimits,
    IReadOnlyDictionary<string, string>? DepartmentBySubDistrict = null,
    IReadOnlyList<string>? Related = null,
    IReadOnlyList<string>? AlarmKinds = null,
    AlarmSeverity? AutoFileFrom = null)
{
    /// <summary>
    /// Whether an alarm of this kind is filed as a case of this category: the kinds the entry names,
    /// and the readings of its sensor kind (a creek-level alarm is 河道水位超警).
    /// </summary>
    public bool FilesAlarm(string alarmKind) =>
        (AlarmKinds?.Contains(alarmKind, StringComparer.Ordinal) ?? false) || (SensorKind is { } kind && kind.Slug() == alarmKind);

    /// <summary>自动立案: an alarm of a kind this entry files, at <see cref="AutoFileFrom"/> or above, becomes a case without waiting for anyone.</summary>
    public bool FilesAutomatically(AlarmSeverity severity) => AutoFileFrom is { } from && severity >= from;

    /// <summary>The owner in one 街镇: the 街镇's own team where the catalogue names one, else the district department.</summary>
    public string DepartmentFor(string subDistrictCode) =>
        DepartmentBySubDistrict?.GetValueOrDefault(subDistrictCode) ?? Department;

    /// <summary>The responsibility list (责任清单) in one 街镇, in the order dispatch tries it: the owner first, then the district department.</summary>
    public IReadOnlyList<string> ResponsibleFor(string subDistrictCode) =>
        DepartmentFor(subDistrictCode) is var owner && owner == Department ? [owner] : [owner, Department];
}
