namespace Twin.Domain.Organisations;

/// <summary>What kind of body an organisation is, which decides what its accounts see (<see cref="AccessScope"/>).</summary>
public enum OrganisationKind
{
    /// <summary>区城市运行管理中心（指挥中心）: the command hall, which sees the whole district.</summary>
    Centre,

    /// <summary>A department tickets are dispatched to (区水务局, 长寿路街道房管办, …): its inbox only.</summary>
    Department,

    /// <summary>One of the 10 街镇 (its 城运分中心): its own area.</summary>
    SubDistrict,
}

/// <summary>
/// A body accounts belong to. A department's <see cref="NameZh"/> is the name tickets carry in
/// <c>Department</c> and <c>CoordinatingDepartments</c>; a 街镇's <see cref="SubDistrictCode"/> is the
/// code tickets, alarms and sensors carry.
/// </summary>
public sealed record Organisation(string Id, OrganisationKind Kind, string NameZh, string NameEn, string? SubDistrictCode = null)
{
    /// <summary>The centre's id; every account that belongs nowhere else belongs here.</summary>
    public const string CentreId = "centre";

    public static Organisation Centre { get; } = new(CentreId, OrganisationKind.Centre, "区城市运行管理中心（指挥中心）", "District City Operations Centre (command hall)");
}
