using CommandCenter.Components.Console;
using CommandCenter.Localization;
using Twin.Domain.Catalogue;
using Twin.Domain.Geography;
using Twin.Domain.Tickets;

namespace CommandCenter.Tests.Console;

/// <summary>The dispatch picker offers the likely owners first and the departments that refused the case last (issue 15: 派遣 after 退单).</summary>
public sealed class DispatchDepartmentsTests
{
    private const string Changzheng = "310107102000";
    private static readonly EventCatalogue Catalogue = EventCatalogue.LoadDefault();

    [Fact]
    public void After_the_towns_team_refused_a_garbage_case_the_district_bureau_is_first_and_the_team_last_named_as_refusing()
    {
        var ticket = Case("garbage-sorting", Changzheng) with { RefusedDepartments = "长征镇城运中心（镇管环卫）" };

        var choices = DispatchDepartments.For(ticket, Catalogue, d => d);

        Assert.Equal(("区绿化市容局", DepartmentFit.DutyList), (choices[0].Value, choices[0].Fit));
        Assert.Equal(("长征镇城运中心（镇管环卫）", DepartmentFit.Refused), (choices[^1].Value, choices[^1].Fit));
        Assert.Equal(Catalogue.Departments.Order(StringComparer.Ordinal), choices.Select(c => c.Value).Order(StringComparer.Ordinal));
        Assert.Equal("已退单", DispatchDepartments.Note(choices[^1].Fit, Lang.Zh));
        Assert.Equal("refused it", DispatchDepartments.Note(choices[^1].Fit, Lang.En));
    }

    [Fact]
    public void Creek_debris_offers_its_owner_then_the_owners_of_related_categories_then_the_rest_by_name()
    {
        var choices = DispatchDepartments.For(Case("creek-debris", "310107015000"), Catalogue, d => "label:" + d);

        Assert.Equal(["区水务局"], choices.Where(c => c.Fit == DepartmentFit.DutyList).Select(c => c.Value));
        Assert.Equal(["区城管执法局", "区生态环境局"], choices.Where(c => c.Fit == DepartmentFit.Related).Select(c => c.Value).Order(StringComparer.Ordinal));
        Assert.Equal(3, choices.TakeWhile(c => c.Fit != DepartmentFit.Other).Count());
        var others = choices.Skip(3).Select(c => c.Value).ToList();
        Assert.Equal(others.Order(StringComparer.Ordinal), others);
        Assert.DoesNotContain(choices, c => c.Fit == DepartmentFit.Refused);
        Assert.All(choices, c => Assert.Equal("label:" + c.Value, c.Label));
    }

    private static TicketState Case(string category, string subDistrict) => new(
        "T-1", TicketChannel.Hotline12345, category, "案件", "描述", new GeoPoint(121.40, 31.24), "普陀区", subDistrict, null, "", "",
        TicketPriority.Normal, TicketStatus.Filed, false, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, null, null);
}
