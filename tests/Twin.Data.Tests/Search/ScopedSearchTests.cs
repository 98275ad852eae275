using Twin.Data.Search;
using Twin.Data.Store;
using Twin.Data.Store.Providers;
using Twin.Data.Tests.Support;
using Twin.Domain.Alarms;
using Twin.Domain.Dispatch;
using Twin.Domain.Organisations;
using Twin.Domain.Sensors;

namespace Twin.Data.Tests.Search;

/// <summary>
/// The scope matrix's search rows: each organisation's search lists and counts only the stored
/// cases, alarms and sensors it sees, whatever role searches (roles change what one does).
/// </summary>
public abstract class ScopedSearchTests(StorageProvider provider) : SearchStoreTests(provider)
{
    private static readonly OrganisationDirectory Directory = new(TestDistrict.Catalogue, TestDistrict.Map);

    public static TheoryData<string, AccessRole> OrganisationsAndRoles()
    {
        var data = new TheoryData<string, AccessRole>();
        foreach (var organisation in new[] { "centre", "lead", "coordinating", "other-department", "area", "other-area" })
        {
            foreach (var role in Enum.GetValues<AccessRole>())
            {
                data.Add(organisation, role);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(OrganisationsAndRoles))]
    public async Task Search_lists_and_counts_only_what_the_organisation_sees(string organisation, AccessRole role)
    {
        var (here, there) = TwoAreas();
        var now = Clock.GetUtcNow();
        var handled = Scenario.Ticket("T-HERE", now, placement: here);
        var other = Scenario.Ticket("T-THERE", now, placement: there);
        Accept(Engine.ReportTicket(handled));
        Accept(Engine.ReportTicket(other));
        Accept(Engine.Apply(new FileTicketCommand(handled.Id, "值班员")));
        Accept(Engine.Apply(new DispatchTicketCommand(handled.Id, "值班员", "区水务局")));
        Accept(Engine.Apply(new AddCoordinatingDepartmentCommand(handled.Id, "值班员", "区房管局")));
        Accept(Engine.RaiseAiVideoAlarm(Scenario.AiEvent("CAM-HERE", now, placement: here)));
        Accept(Engine.RaiseAiVideoAlarm(Scenario.AiEvent("CAM-THERE", now, placement: there)));
        Accept(Engine.AssignAlarm(Engine.Snapshot().ActiveAlarms.Single(a => a.SourceId == "CAM-HERE").Id, "区水务局", AlarmAssigneeKind.Department, "值班员"));
        Accept(Engine.RegisterSensor(Scenario.Sensor("WL-HERE", SensorKind.CreekWaterLevel, placement: here)));
        Accept(Engine.RegisterSensor(Scenario.Sensor("WL-THERE", SensorKind.CreekWaterLevel, placement: there)));
        await Store.WriteAsync(new TwinBatch([], [handled, other], Engine.DrainEvents(), Engine.DrainChangedSensors()));

        var hereCode = TestDistrict.Map.SubDistrictFor(Scenario.Point(here)).Code;
        var thereCode = TestDistrict.Map.SubDistrictFor(Scenario.Point(there)).Code;
        var scope = new AccessScope(organisation switch
        {
            "centre" => Organisation.Centre,
            "lead" => Directory.FindDepartment("区水务局")!,
            "coordinating" => Directory.FindDepartment("区房管局")!,
            "other-department" => Directory.FindDepartment("区城管执法局")!,
            "area" => Directory.FindSubDistrict(hereCode)!,
            _ => Directory.FindSubDistrict(thereCode)!,
        }, role);

        var tickets = await Store.SearchAsync(new SearchQuery("施工噪声") { Scope = SearchScope.Tickets }, scope);
        var alarms = await Store.SearchAsync(new SearchQuery("高空抛物") { Scope = SearchScope.Alarms }, scope);
        var sensors = await Store.SearchAsync(new SearchQuery("WL-") { Scope = SearchScope.Sensors }, scope);

        var (expectedTickets, expectedAlarms, expectedSensors) = organisation switch
        {
            "centre" => (new[] { "T-HERE", "T-THERE" }, new[] { "CAM-HERE", "CAM-THERE" }, new[] { "WL-HERE", "WL-THERE" }),
            "lead" => (["T-HERE"], ["CAM-HERE"], ["WL-HERE", "WL-THERE"]),
            "coordinating" => (["T-HERE"], [], ["WL-HERE", "WL-THERE"]),
            "other-department" => ([], [], ["WL-HERE", "WL-THERE"]),
            "area" => (["T-HERE"], ["CAM-HERE"], ["WL-HERE"]),
            _ => (["T-THERE"], ["CAM-THERE"], ["WL-THERE"]),
        };
        Assert.Equal(expectedTickets, tickets.Hits.Select(h => h.Id).Order());
        Assert.Equal(expectedTickets.Length, tickets.Total);
        Assert.Equal(expectedTickets.Length, tickets.BySubDistrict.Values.Sum());
        Assert.Equal(expectedAlarms, alarms.Alarms.Select(a => a.SourceId).Order());
        Assert.Equal(expectedSensors, sensors.Sensors.Select(s => s.Id).Order());
    }

    /// <summary>Two placements of the test district's points that lie in different 街镇.</summary>
    private static (int Here, int There) TwoAreas()
    {
        var first = TestDistrict.Map.SubDistrictFor(Scenario.Point(0)).Code;
        var there = Enumerable.Range(1, TestDistrict.InsidePoints.Count - 1).First(i => TestDistrict.Map.SubDistrictFor(Scenario.Point(i)).Code != first);
        return (0, there);
    }

    private static void Accept(Twin.Domain.Engine.InputResult result) => Assert.True(result.Accepted, result.Reason);
}

public sealed class ScopedSearchTestsOnSqlite() : ScopedSearchTests(StorageProvider.Sqlite);

public sealed class ScopedSearchTestsOnPostgres() : ScopedSearchTests(StorageProvider.Postgres);
