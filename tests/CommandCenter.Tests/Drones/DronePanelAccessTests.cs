using Bunit;
using Bunit.TestDoubles;
using CommandCenter.Audit;
using CommandCenter.Components.Drones;
using CommandCenter.Live;
using CommandCenter.Security;
using CommandCenter.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Twin.Data.Audit;
using Twin.Domain.Engine;
using Twin.Domain.Tickets;

namespace CommandCenter.Tests.Drones;

/// <summary>
/// The console's drone panel for a role that may not act on tickets (a leader): the feeds without
/// the send and capture buttons, and a send or capture that reaches the server anyway (a page left
/// open while the role changed, a forged event) is refused and audited, with nothing flown or captured.
/// The tests share one app (a class fixture): each reports its own ticket or looks only for what its
/// own action left, so one start-up serves all seventeen instead of one each.
/// </summary>
public sealed class DronePanelAccessTests(TwinAppFactory app) : IClassFixture<TwinAppFactory>
{
    private readonly TwinAppFactory _app = app;

    [Fact]
    public async Task A_leader_sees_the_fleet_and_its_feed_but_no_drone_actions()
    {
        var snapshot = await FleetAsync();
        await using var ctx = Context(out var auth);
        auth.SetAuthorized("test-leader").SetRoles(Roles.Leader).SetPolicies(Policies.ViewWall, Policies.UseConsole);

        var panel = ctx.Render<DronePanel>(p => p.Add(x => x.Drones, snapshot.Drones).Add(x => x.Missions, snapshot.Missions)
            .Add(x => x.Alarms, snapshot.ActiveAlarms).Add(x => x.SelectedTicketId, snapshot.Tickets[0].Id).Add(x => x.Officer, "test-leader"));

        Assert.NotEmpty(panel.FindAll("[data-drone-row]"));
        Assert.NotNull(panel.Find("[data-drone-feed]"));
        Assert.Empty(panel.FindAll("[data-drone-action]"));
        Assert.Contains("只读", panel.Find("[data-drone-read-only]").TextContent);
    }

    [Theory]
    [InlineData("dept-district-water-authority")]
    [InlineData("sd-310107022000")]
    public async Task An_officer_of_a_department_or_sub_district_is_offered_no_drone_action_and_told_the_drones_are_the_halls(string organisation)
    {
        var snapshot = await FleetAsync();
        await using var ctx = Context(out var auth);
        auth.SetAuthorized("test-officer").SetRoles(Roles.Officer).SetPolicies(Policies.ViewWall, Policies.UseConsole, Policies.ActOnTickets)
            .SetClaims(new System.Security.Claims.Claim(TwinClaims.Organisation, organisation));

        var panel = ctx.Render<DronePanel>(p => p.Add(x => x.Drones, snapshot.Drones).Add(x => x.Missions, snapshot.Missions)
            .Add(x => x.Alarms, snapshot.ActiveAlarms).Add(x => x.SelectedTicketId, snapshot.Tickets[0].Id).Add(x => x.Officer, "test-officer"));

        Assert.NotNull(panel.Find("[data-drone-feed]"));
        Assert.Empty(panel.FindAll("[data-drone-action]"));
        Assert.Equal("只读 · 无人机由指挥中心派遣和抓拍", panel.Find("[data-drone-read-only]").TextContent);
    }

    [Fact]
    public async Task Until_the_console_is_ready_an_officer_is_offered_no_drone_action_that_could_be_lost()
    {
        var snapshot = await FleetAsync();
        await using var ctx = Context(out var auth);
        auth.SetAuthorized("test-officer").SetRoles(Roles.Officer).SetPolicies(Policies.ViewWall, Policies.UseConsole, Policies.ActOnTickets).SetClaims(CentreClaim);

        var panel = ctx.Render<DronePanel>(p => p.Add(x => x.Ready, false).Add(x => x.Drones, snapshot.Drones).Add(x => x.Missions, snapshot.Missions)
            .Add(x => x.Alarms, snapshot.ActiveAlarms).Add(x => x.SelectedTicketId, snapshot.Tickets.First(t => t.Status.IsOpen()).Id).Add(x => x.Officer, "test-officer"));

        Assert.Equal(3, panel.FindAll("[data-drone-action]").Count);
        Assert.All(panel.FindAll("[data-drone-action]"), button => Assert.True(button.HasAttribute("disabled"), button.GetAttribute("data-drone-action")));

        panel.Render(p => p.Add(x => x.Ready, true));

        Assert.False(panel.Find("[data-drone-action='send-ticket']").HasAttribute("disabled"), "the console is ready but sending stays disabled");
        Assert.False(panel.Find("[data-drone-action='capture']").HasAttribute("disabled"), "the console is ready but capturing stays disabled");
    }

    [Theory]
    [InlineData(false, "已结案，图像只能附到未结案的工单")]
    [InlineData(true, "is closed; images can only be attached to an open ticket")]
    public async Task Capture_is_disabled_with_the_reason_once_the_selected_ticket_is_closed(bool english, string reason)
    {
        var snapshot = await FleetAsync();
        var runtime = _app.Services.AppTwin();
        var ticketId = await runtime.ReportVendingCaseAsync("CLOSING-");
        await Eventually.Until(() => runtime.Queries.Current.Tickets.Any(t => t.Id == ticketId), "the reported ticket is in the picture");
        using var language = english ? UiLanguage.English() : UiLanguage.Chinese();
        await using var ctx = Context(out var auth);
        auth.SetAuthorized("test-officer").SetRoles(Roles.Officer).SetPolicies(Policies.ViewWall, Policies.UseConsole, Policies.ActOnTickets).SetClaims(CentreClaim);
        var panel = ctx.Render<DronePanel>(p => p.Add(x => x.Drones, snapshot.Drones).Add(x => x.Missions, snapshot.Missions)
            .Add(x => x.Alarms, snapshot.ActiveAlarms).Add(x => x.SelectedTicketId, ticketId).Add(x => x.Officer, "test-officer"));
        Assert.False(panel.Find("[data-drone-action='capture']").HasAttribute("disabled"), "capture is disabled on an open ticket");
        Assert.Null(panel.Find("[data-capture]").GetAttribute("title"));

        var closed = await runtime.Commands.SubmitAsync(new ChangeTicketStatusCommand(ticketId, TicketStatus.Closed, "test-officer", "现场已清理"));
        Assert.True(closed.Accepted, closed.Reason);
        await Eventually.Until(() => runtime.Queries.Current.Tickets.Any(t => t.Id == ticketId && !t.Status.IsOpen()), "the closed ticket is in the picture");
        panel.Render(p => p.Add(x => x.Drones, runtime.Queries.Current.Drones));

        Assert.True(panel.Find("[data-drone-action='capture']").HasAttribute("disabled"), "capture stays enabled on a closed ticket");
        Assert.Contains(reason, panel.Find("[data-capture]").GetAttribute("title"));
        Assert.Contains(ticketId, panel.Find("[data-capture]").GetAttribute("title"));
        Assert.False(panel.Find("[data-drone-action='send-ticket']").HasAttribute("disabled"), "only the capture is refused on a closed ticket");
    }

    [Theory]
    [InlineData(false, "电量低返航：剩余18%")]
    [InlineData(true, "low battery: 18% left")]
    public async Task A_drone_row_says_why_its_mission_stands_where_it_does_in_the_pages_language(bool english, string expected)
    {
        var snapshot = await FleetAsync();
        var drone = snapshot.Drones[0] with { MissionId = "M-NOTE" };
        var mission = new Twin.Domain.Drones.MissionState("M-NOTE", drone.Id, Twin.Domain.Drones.MissionKind.Patrol, Twin.Domain.Drones.MissionStatus.Returning,
            null, null, [], snapshot.At, null, snapshot.At, "simulator", "电量低返航：剩余18% · low battery: 18% left");
        using var language = english ? UiLanguage.English() : UiLanguage.Chinese();
        await using var ctx = Context(out var auth);
        auth.SetAuthorized("test-leader").SetRoles(Roles.Leader).SetPolicies(Policies.ViewWall, Policies.UseConsole);

        var panel = ctx.Render<DronePanel>(p => p.Add(x => x.Drones, [drone, .. snapshot.Drones.Skip(1)]).Add(x => x.Missions, [mission])
            .Add(x => x.Alarms, snapshot.ActiveAlarms).Add(x => x.Officer, "test-leader"));

        Assert.Equal(expected, panel.Find($"[data-mission-note='{drone.Id}']").TextContent);
        Assert.Single(panel.FindAll("[data-mission-note]"));
    }

    [Theory]
    [InlineData("send-ticket")]
    [InlineData("capture")]
    public async Task A_drone_action_that_reaches_the_server_from_a_role_without_it_is_refused_and_audited(string action)
    {
        var snapshot = await FleetAsync();
        var ticketId = snapshot.Tickets.First(t => t.Status.IsOpen()).Id;
        await using var ctx = Context(out var auth);
        auth.SetAuthorized("test-officer").SetRoles(Roles.Officer).SetPolicies(Policies.ViewWall, Policies.UseConsole, Policies.ActOnTickets).SetClaims(CentreClaim);
        var panel = ctx.Render<DronePanel>(p => p.Add(x => x.Drones, snapshot.Drones).Add(x => x.Missions, snapshot.Missions)
            .Add(x => x.Alarms, snapshot.ActiveAlarms).Add(x => x.SelectedTicketId, ticketId).Add(x => x.Officer, "test-officer"));
        var button = panel.Find($"[data-drone-action='{action}']");
        var droneId = panel.Find("[data-drone-feed]").GetAttribute("data-drone-feed");

        // The page still shows the button, but the person behind it is now a leader.
        auth.SetAuthorized("test-leader").SetRoles(Roles.Leader).SetPolicies(Policies.ViewWall, Policies.UseConsole);
        button.Click();

        panel.WaitForAssertion(() => Assert.Contains("当前角色无权办理", panel.Find("[data-drone-message]").TextContent));
        var audit = _app.Services.GetRequiredService<AuditTrail>();
        await audit.FlushAsync();
        var refused = await audit.Log.QueryAsync(new AuditQuery(Actor: "test-leader", ActionPrefix: AuditActions.Forbidden, Limit: 100));
        Assert.Contains(refused, r => r.Entry.Target == ticketId && r.Entry.Outcome == AuditOutcome.Denied
            && r.Entry.Detail!.StartsWith(action == "capture" ? "drone.capture " + droneId : "drone.send TicketFlight", StringComparison.Ordinal));
        Assert.DoesNotContain(_app.Services.AppTwin().Queries.Current.Missions, m => m.TargetId == ticketId);
    }

    [Theory]
    [InlineData(false, "无人机 D-GONE 已不在机队中，无法抓拍")]
    [InlineData(true, "Drone D-GONE is no longer in the fleet, so it cannot capture")]
    public async Task A_capture_by_a_drone_that_left_the_fleet_says_so_in_the_pages_language(bool english, string expected)
    {
        var snapshot = await FleetAsync();
        var gone = snapshot.Drones[0] with { Definition = snapshot.Drones[0].Definition with { Id = "D-GONE" } };
        using var language = english ? UiLanguage.English() : UiLanguage.Chinese();
        await using var ctx = Context(out var auth);
        auth.SetAuthorized("test-officer").SetRoles(Roles.Officer).SetPolicies(Policies.ViewWall, Policies.UseConsole, Policies.ActOnTickets).SetClaims(CentreClaim);
        var panel = ctx.Render<DronePanel>(p => p.Add(x => x.Drones, [gone]).Add(x => x.Missions, snapshot.Missions)
            .Add(x => x.Alarms, snapshot.ActiveAlarms).Add(x => x.SelectedTicketId, snapshot.Tickets.First(t => t.Status.IsOpen()).Id).Add(x => x.Officer, "test-officer"));

        panel.Find("[data-drone-action='capture']").Click();

        panel.WaitForAssertion(() => Assert.Equal(expected, panel.Find("[data-drone-message]").TextContent.Trim()));
    }

    private static System.Security.Claims.Claim CentreClaim => new(TwinClaims.Organisation, Twin.Domain.Organisations.Organisation.CentreId);

    private BunitContext Context(out BunitAuthorizationContext auth)
    {
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        ctx.Services.AddSingleton(_app.Services.GetRequiredService<CommandCenter.Drones.DroneDesk>());
        ctx.Services.AddAppTwin(_app.Services);
        ctx.Services.AddSingleton(_app.Services.GetRequiredService<AuditTrail>());
        ctx.Services.AddScoped<ClientOrigin>();
        ctx.Services.AddScoped<SignedInOfficer>();
        ctx.Services.AddScoped<CommandCenter.Officers.IOfficerIdentity>(sp => sp.GetRequiredService<SignedInOfficer>());
        auth = ctx.AddAuthorization();
        return ctx;
    }

    private async Task<Twin.Domain.Engine.TwinSnapshot> FleetAsync()
    {
        var feed = _app.Services.GetRequiredService<WallFeed>();
        return await Eventually.Value(() => feed.Current is { Drones.Length: >= 2, Tickets.Length: > 0 } s ? s : null, "the fleet and a ticket are up");
    }
}
