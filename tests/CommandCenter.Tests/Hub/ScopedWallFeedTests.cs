using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.Drones;
using CommandCenter.Security;
using CommandCenter.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Twin.Domain.Dispatch;
using Twin.Domain.Drones;
using Twin.Domain.Engine;
using Twin.Domain.Geography;
using Twin.Domain.Organisations;
using Twin.Domain.Tickets;

namespace CommandCenter.Tests.Hub;

/// <summary>
/// Issue 20: a wall paired to a 街镇 or a department, over the real hub with the .NET SignalR
/// client. The admin moves the paired wall to its organisation (as on /admin/users); from then on
/// its feed carries only what that organisation sees. Simulated staff are off so the cases the
/// test files stay where the test puts them.
/// </summary>
public sealed class ScopedWallFeedTests : IAsyncLifetime
{
    private const string Zhenru = "sd-310107022000";
    private const string Water = "dept-district-water-authority";

    private readonly TwinAppFactory _factory = new();
    private WebApplicationFactory<Program> _app = default!;

    public async Task InitializeAsync()
    {
        _app = _factory.WithWebHostBuilder(b => b.UseSetting("Twin:Simulator:SimulatedStaff", "off"));
        await _app.Services.AppTwin().Ready.WaitAsync(TimeSpan.FromMinutes(2));
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _factory.DisposeAsync();
    }

    [Fact]
    public async Task A_wall_of_a_sub_district_gets_only_its_area_and_never_a_case_filed_in_another()
    {
        var twin = _app.Services.AppTwin();
        using var wall = await _app.SignInAsync(Roles.Wall);
        var zhenru = twin.District.SubDistricts.Single(s => s.Code == "310107022000");
        var other = twin.District.SubDistricts.First(s => s.Code != zhenru.Code);

        // Paired as the centre's wall, it sees the whole district; moved while it is open, it switches at once.
        await using var connection = wall.CreateHubConnection();
        var replica = new MapReplica(connection, recordStates: false);
        var fleets = new ConcurrentQueue<JsonElement>();
        connection.On<JsonElement>("Drones", fleets.Enqueue);
        await connection.StartAsync();
        await Eventually.Until(() => replica.SnapshotsReceived >= 1 && replica.Count("sensors") == TwinAppFactory.SensorCount, "the centre's snapshot of every sensor");
        await _app.MoveWallAsync(Zhenru);
        await Eventually.Until(() => replica.SnapshotsReceived >= 2 && replica.Count("sensors") is > 0 and < TwinAppFactory.SensorCount,
            $"the open wall's new snapshot of {zhenru.Name}'s sensors only");
        var fleetsBeforeMove = fleets.Count;

        // Filed in this order, the outside case's change is broadcast no later than the inside one's.
        var outside = await ReportAsync(twin, "OT-", other);
        var inside = await ReportAsync(twin, "ZR-", zhenru);
        await Eventually.Until(() => replica.Ids("tickets").Contains(inside), $"the case filed in {zhenru.Name} reaches its wall");

        // What the wall was sent since it became 真如's: its snapshot (the last one) and the deltas after it.
        var raw = replica.RawMessages.ToList();
        var stream = string.Join('\n', raw.Skip(raw.FindLastIndex(m => m.Contains("\"layers\":", StringComparison.Ordinal))));
        Assert.DoesNotContain(outside, stream, StringComparison.Ordinal);
        Assert.DoesNotContain(other.Name, stream, StringComparison.Ordinal);
        var snapshot = twin.Queries.Current;
        var areaSensors = snapshot.Sensors.Where(s => s.SubDistrictCode == zhenru.Code).Select(s => s.Definition.Id).ToHashSet();
        var sensorsShown = replica.Ids("sensors");
        Assert.NotEmpty(sensorsShown);
        Assert.All(sensorsShown, id => Assert.Contains(id, areaSensors));
        var areaTickets = snapshot.Tickets.Where(t => t.SubDistrictCode == zhenru.Code).Select(t => t.Id).ToHashSet();
        Assert.All(replica.Ids("tickets"), id => Assert.Contains(id, areaTickets));
        var areaAlarms = snapshot.ActiveAlarms.Where(a => a.SubDistrictCode == zhenru.Code).Select(a => a.Id).ToHashSet();
        Assert.All(replica.Ids("alarms"), id => Assert.Contains(id, areaAlarms));

        // Its map's drones are its area's too: a drone sent to the case in 真如 joins them; none
        // without a mission is shown outside 真如.
        DroneState? idle = null;
        await Eventually.Until(
            () => (idle = twin.Queries.Current.Drones.FirstOrDefault(d => d.Status == DroneStatus.Docked && d.MissionId is null && twin.District.SubDistrictAt(d.Position)?.Code != zhenru.Code)) is not null,
            $"a drone docked outside {zhenru.Name}");
        await AcceptedAsync(twin, new PlanMissionCommand(new MissionPlan(idle!.Id, MissionKind.TicketFlight, "值班员01", TargetId: inside)));
        await Eventually.Until(() => fleets.Skip(fleetsBeforeMove).Any(f => DroneIds(f).Contains(idle.Id)), $"the drone flying to the case in {zhenru.Name} on its wall's map");
        var fleet = fleets.Skip(fleetsBeforeMove).Last(f => DroneIds(f).Contains(idle.Id));
        var drones = fleet.GetProperty("drones").GetProperty("features").EnumerateArray().ToList();
        Assert.True(drones.Count < twin.Queries.Current.Drones.Length, "the 街镇's wall was sent the whole fleet");
        Assert.All(drones, d =>
        {
            var at = d.GetProperty("geometry").GetProperty("coordinates");
            var inArea = twin.District.SubDistrictAt(new GeoPoint(at[0].GetDouble(), at[1].GetDouble()))?.Code == zhenru.Code;
            Assert.True(inArea || (d.GetProperty("properties").TryGetProperty("missionId", out var mission) && mission.ValueKind == JsonValueKind.String),
                $"{d.GetProperty("id")} is outside {zhenru.Name} on no mission");
        });

        // Its accounts read the same fleet, and cannot watch a drone it does not show.
        var everyDrone = _app.Services.GetRequiredService<DroneBroadcaster>().Current(AccessScope.CentreOfficer).Drones.Features.Select(f => f.Id);
        var hidden = everyDrone.Except(DroneIds(await wall.Client.GetFromJsonAsync<JsonElement>("/api/drones"))).First();
        Assert.Equal(HttpStatusCode.NotFound, (await wall.Client.GetAsync($"/api/drones/{hidden}/frame.jpg")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await wall.Client.GetAsync($"/api/drones/{idle.Id}/frame.jpg")).StatusCode);
    }

    private static List<string> DroneIds(JsonElement fleet) =>
        [.. fleet.GetProperty("drones").GetProperty("features").EnumerateArray().Select(f => f.GetProperty("id").GetString()!)];

    [Fact]
    public async Task A_case_reassigned_away_from_a_departments_wall_arrives_there_as_a_removal()
    {
        var twin = _app.Services.AppTwin();
        using var wall = await _app.SignInAsync(Roles.Wall);
        await _app.MoveWallAsync(Water);
        var water = _app.Services.GetRequiredService<Twin.Data.Boundary.ITwinOrganisations>().Find(Water)!;

        await using var connection = wall.CreateHubConnection();
        var replica = new MapReplica(connection, recordStates: false);
        await connection.StartAsync();
        await Eventually.Until(() => replica.SnapshotsReceived >= 1, "the wall's snapshot");

        var ticket = await ReportAsync(twin, "WR-", twin.District.SubDistricts[0]);
        await AcceptedAsync(twin, new FileTicketCommand(ticket, "测试值班员"));
        await AcceptedAsync(twin, new DispatchTicketCommand(ticket, "测试值班员", water.NameZh));
        await Eventually.Until(() => replica.Ids("tickets").Contains(ticket), "the case dispatched to the water authority reaches its wall");

        await AcceptedAsync(twin, new ReassignTicketCommand(ticket, "测试督办员", "区绿化市容局", "属市容职责"));
        await Eventually.Until(() => !replica.Ids("tickets").Contains(ticket), "the reassigned case leaves the water authority's wall");
        Assert.Contains(replica.RawMessages, m => m.Contains("\"removals\":[", StringComparison.Ordinal) && m.Contains($"\"id\":\"{ticket}\"", StringComparison.Ordinal)
            && !m.Contains("\"layers\":", StringComparison.Ordinal));
    }

    private static async Task<string> ReportAsync(AppTwin twin, string prefix, SubDistrict area)
    {
        var id = prefix + Guid.NewGuid().ToString("N")[..8];
        var place = area.Boundary.InteriorPoint;
        await AcceptedAsync(twin, new ReportTicketCommand(new TicketReport(id, TicketChannel.GridPatrol, "street-vending", "河岸占道经营", "步道有流动摊位",
            new GeoPoint(place.X, place.Y), "测试地址", null, new Reporter(null, null), twin.Clock.GetUtcNow())));
        return id;
    }

    private static async Task AcceptedAsync(AppTwin twin, TwinCommand command)
    {
        var result = await twin.Commands.SubmitAsync(command);
        Assert.True(result.Accepted, result.Reason);
    }
}
