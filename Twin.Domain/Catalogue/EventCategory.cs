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
    IReadOnlyList<string>? Related = null)
{
    /// <summary>The owner in one 街镇: the 街镇's own team where the catalogue names one, else the district department.</summary>
    public string DepartmentFor(string subDistrictCode) =>
        DepartmentBySubDistrict?.GetValueOrDefault(subDistrictCode) ?? Department;

    /// <summary>The responsibility list (责任清单) in one 街镇, in the order dispatch tries it: the owner first, then the district department.</summary>
    public IReadOnlyList<string> ResponsibleFor(string subDistrictCode) =>
        DepartmentFor(subDistrictCode) is var owner && owner == Department ? [owner] : [owner, Department];
}
