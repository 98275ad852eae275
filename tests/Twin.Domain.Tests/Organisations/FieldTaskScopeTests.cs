using Twin.Domain.Organisations;
using Twin.Domain.Tests.Support;
using Twin.Domain.Tickets;

namespace Twin.Domain.Tests.Organisations;

/// <summary>
/// Whose field view (一线通达) lists a case, by organisation × the case's status × who leads it. A
/// 街镇's 网格员 go out to their area's reported cases (待核实) without anyone dispatching them,
/// and work the cases their 街镇 leads; a department's crew only its own. Written out, not derived.
/// </summary>
public sealed class FieldTaskScopeTests
{
    private const string Water = "区水务局";

    private static readonly OrganisationDirectory Directory = new(TestEngine.Catalogue, TestGeo.Putuo);

    private static readonly TicketStatus[] Statuses =
        [TicketStatus.Discovered, TicketStatus.Filed, TicketStatus.Dispatched, TicketStatus.Handling, TicketStatus.Review, TicketStatus.Closed, TicketStatus.Merged];

    private static readonly TicketStatus[] Handled = [TicketStatus.Dispatched, TicketStatus.Handling, TicketStatus.Review];

    /// <summary>organisation, who leads the case ("water" or "area"), the statuses at which it is that organisation's field task.</summary>
    public static TheoryData<string, string, TicketStatus[]> Rows() => new()
    {
        { "centre", "water", Handled },
        { "centre", "area", Handled },
        { "water", "water", Handled },
        { "water", "area", [] },
        { "housing", "water", [] },
        { "area", "water", [TicketStatus.Discovered] },
        { "area", "area", [TicketStatus.Discovered, .. Handled] },
        { "other-area", "water", [] },
        { "other-area", "area", [] },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void A_case_is_a_field_task_of_the_organisation_that_goes_out_to_it(string organisation, string leads, TicketStatus[] expected)
    {
        var (engine, time) = TestEngine.Create();
        TestEngine.Accept(engine.ReportTicket(TestEngine.Ticket("T-FIELD", time.GetUtcNow(), location: TestGeo.Zhenru)));
        var reported = engine.Snapshot().Tickets.Single();
        var area = Directory.FindSubDistrict(reported.SubDistrictCode)!;
        var lead = leads == "water" ? Water : area.NameZh;
        var org = organisation switch
        {
            "centre" => Organisation.Centre,
            "water" => Directory.FindDepartment(Water)!,
            "housing" => Directory.FindDepartment("区房管局")!,
            "area" => area,
            _ => Directory.FindSubDistrict(TestGeo.Putuo.SubDistrictFor(TestGeo.Changshou).Code)!,
        };

        foreach (var role in new[] { AccessRole.Officer, AccessRole.Supervisor })
        {
            var scope = new AccessScope(org, role);
            var listed = Statuses.Where(s => scope.IsFieldTask(reported with { Status = s, Department = s == TicketStatus.Discovered ? null : lead })).ToArray();
            Assert.Equal(expected, listed);
        }
    }
}
