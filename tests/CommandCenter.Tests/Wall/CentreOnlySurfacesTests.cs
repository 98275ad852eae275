using Twin.Domain.Engine;
using Bunit;
using CommandCenter.Audit;
using CommandCenter.Components.Briefing;
using CommandCenter.Scenes;
using CommandCenter.Security;
using CommandCenter.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Twin.Data.Audit;
using Twin.Data.Boundary;

namespace CommandCenter.Tests.Wall;

/// <summary>
/// Issue 20: the surfaces that show the whole district — the leaders' briefing and the presenter
/// view that steers every wall — are the centre's. A 街镇's or a department's account is told so
/// in words; the briefing shows it no district figure, and a presentation it starts anyway is
/// refused and audited, the walls untouched.
/// </summary>
public sealed class CentreOnlySurfacesTests : IAsyncLifetime
{
    private const string Zhenru = "sd-310107022000";
    private const string Water = "dept-district-water-authority";

    private readonly TwinAppFactory _app = new();

    public async Task InitializeAsync() => await _app.Services.AppTwin().Ready.WaitAsync(TimeSpan.FromMinutes(2));

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData(Zhenru)]
    [InlineData(Water)]
    public async Task A_leader_outside_the_centre_is_told_the_briefing_is_the_centres_and_shown_no_district_figure(string organisation)
    {
        await using var ctx = Context(Roles.Leader, organisation);

        var page = ctx.Render<BriefingPage>();

        Assert.Contains("仅限指挥中心", page.Find("[data-briefing-refused]").TextContent);
        Assert.Empty(page.FindAll("[data-export]"));
        Assert.Empty(page.FindAll("[data-controls]"));
    }

    [Fact]
    public async Task The_centres_leader_gets_the_briefing_with_its_exports()
    {
        await using var ctx = Context(Roles.Leader, Twin.Domain.Organisations.Organisation.CentreId);

        var page = ctx.Render<BriefingPage>();

        Assert.Empty(page.FindAll("[data-briefing-refused]"));
        Assert.Equal(2, page.FindAll("[data-export]").Count);
    }

    [Theory]
    [InlineData(Roles.Officer, Zhenru)]
    [InlineData(Roles.Supervisor, Water)]
    public async Task An_account_outside_the_centre_may_not_present_on_the_walls_and_a_start_is_refused_and_audited(string role, string organisation)
    {
        await using var outside = ConsoleContext.Create(_app.Services, role, organisation);
        var presenter = outside.Services.GetRequiredService<IWallPresenter>();

        Assert.False(await presenter.MayPresentAsync());
        var started = await presenter.StartAsync();

        Assert.False(started.Accepted);
        Assert.Equal(RefusalCode.RoleMayNotPresent, started.Why?.Code);
        Assert.Contains("the centre's only", started.Reason);
        Assert.False(_app.Services.GetRequiredService<WallSceneDirector>().Current.Presenting);
        var audit = _app.Services.GetRequiredService<AuditTrail>();
        await audit.FlushAsync();
        var refused = await audit.Log.QueryAsync(new AuditQuery(Actor: "test-" + role, ActionPrefix: AuditActions.Forbidden, Limit: 50));
        Assert.Contains(refused, r => r.Entry is { Target: "wall", Outcome: AuditOutcome.Denied } && r.Entry.Detail == AuditActions.WallPresented + " start");

        await using var centre = ConsoleContext.Create(_app.Services, Roles.Officer);
        Assert.True(await centre.Services.GetRequiredService<IWallPresenter>().MayPresentAsync());
    }

    private Bunit.BunitContext Context(string role, string organisation)
    {
        var ctx = ConsoleContext.Create(_app.Services, role, organisation);
        ctx.Services.AddSingleton(_app.Services.GetRequiredService<ITwinBriefings>());
        ctx.Services.AddSingleton(_app.Services.GetRequiredService<CommandCenter.Briefing.BriefingNames>());
        return ctx;
    }
}
