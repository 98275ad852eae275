using System.Data;
using System.Data.Common;
using Twin.Domain.Alarms;
using Twin.Domain.Organisations;
using Twin.Domain.Tickets;

namespace Twin.Data.Search;

/// <summary>
/// <see cref="AccessScope"/> as SQL conditions over stored rows, so that search and its facets count
/// only what the account may see, the same rules <see cref="AccessScope.Sees(TicketState)"/> applies
/// in memory: a 街镇 its area, a department the cases it leads or coordinates and the alarms assigned to it.
/// </summary>
internal static class ScopeSql
{
    private const string Separator = "'" + "、" + "'";

    public static string Tickets(AccessScope scope, string t) => scope.Organisation.Kind switch
    {
        OrganisationKind.Centre => "1 = 1",
        OrganisationKind.SubDistrict => $"{t}.sub_district_code = @scope_sub_district",
        // LIKE rather than instr(): the same SQL on SQLite and PostgreSQL.
        _ => $"({t}.department = @scope_department OR ({Separator} || {t}.coordinating_departments || {Separator}) LIKE ('%' || {Separator} || @scope_department || {Separator} || '%'))",
    };

    public static string Alarms(AccessScope scope, string a) => scope.Organisation.Kind switch
    {
        OrganisationKind.Centre => "1 = 1",
        OrganisationKind.SubDistrict => $"{a}.sub_district_code = @scope_sub_district",
        _ => $"({a}.assignee_kind = '{AlarmAssigneeKind.Department}' AND {a}.assigned_to = @scope_department)",
    };

    public static string Sensors(AccessScope scope, string s) =>
        scope.Organisation.Kind == OrganisationKind.SubDistrict ? $"{s}.sub_district_code = @scope_sub_district" : "1 = 1";

    public static void Bind(DbCommand command, AccessScope scope)
    {
        command.AddParameter("@scope_sub_district", (object?)scope.Organisation.SubDistrictCode ?? DBNull.Value, DbType.String);
        command.AddParameter("@scope_department", scope.Organisation.NameZh, DbType.String);
    }
}
