using System.Collections.Concurrent;
using Bunit;
using CommandCenter.Components.Wall;
using CommandCenter.Configuration;
using CommandCenter.Scenes;
using CommandCenter.Security;
using CommandCenter.Tests.Access;
using CommandCenter.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Twin.Domain.Engine;
using Twin.Domain.Geography;
using Twin.Domain.Tickets;

namespace CommandCenter.Tests.Wall;

/// <summary>
/// Issue 20: the centre's presenter steers a 街镇's wall too, but never out of its area. A step to
/// another 街镇, or to a case there, frames the 街镇's own area on its wall (panels and map, over the
/// hub, also for a wall an admin moved to the 街镇 while it was open); the scene and the highlighted
/// panel follow; the centre's wall flies where the presenter points.
/// </summary>
public sealed class SubDistrictWallPresenterTests : IAsyncLifetime
{
    private const string Zhenru = "310107022000";
    private const string Changfeng = "310107014000";

    // What the walls are checked with: which area they frame, not how fast (WallPresenterTests holds the 2 s).
    private static readonly TimeSpan Shown = TimeSpan.FromSeconds(15);

    private readonly ClockedApp _app = new();

    public async Task InitializeAsync() => await _app.Services.AppTwin().Ready.WaitAsync(TimeSpan.FromSeconds(60));

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_step_to_another_area_or_its_case_keeps_a_sub_districts_wall_over_its_own_area()
    {
        var twin = _app.Services.AppTwin();
        var pushed = new ConcurrentQueue<WallSceneMessage>();
        await using var hub = TestHubs.AsWall(_app);
        hub.On<WallSceneMessage>("Scene", pushed.Enqueue);
        await hub.StartAsync();
        await Eventually.Until(() => !pushed.IsEmpty, "the wall's hub connection gets the scene in force", Shown);

        // The move re-subscribes the connection on its own task, which sends it the scene again once it is in 真如's group.
        await _app.MoveWallAsync("sd-" + Zhenru);
        await Eventually.Until(() => pushed.Count >= 2, "the moved wall's hub connection joins 真如's group", Shown);
        await using var centreContext = WallContext.Create(_app.Services);
        await using var areaContext = WallContext.Create(_app.Services, "sd-" + Zhenru);
        var centre = centreContext.Render<WallPage>();
        var area = areaContext.Render<WallPage>();
        await using var officer = ConsoleContext.Create(_app.Services, Roles.Officer);
        var presenter = officer.Services.GetRequiredService<IWallPresenter>();

        Assert.True((await presenter.ChooseAsync(new PresenterSlide(WallScene.District, Changfeng, "alerts"))).Accepted);
        Shows(centre, focus: Changfeng, highlight: "alerts");
        Shows(area, focus: Zhenru, highlight: "alerts");
        Assert.Contains("真如镇街道", area.Find("[data-scene-name]").TextContent, StringComparison.Ordinal);
        await Eventually.Until(() => pushed.LastOrDefault() is { Presenting: true, Focus: Zhenru, Highlight: "alerts" },
            $"the moved wall's map is framed on 真如, not 长风 (last: {pushed.LastOrDefault()})", Shown);

        var elsewhere = await ReportAsync(twin, twin.District.SubDistricts.Single(s => s.Code == Changfeng));
        Assert.True((await presenter.ChooseAsync(new PresenterSlide(WallScene.District, Target: elsewhere))).Accepted);
        centre.WaitForAssertion(() => Assert.Equal(elsewhere, centre.Find(".wall").GetAttribute("data-target")), Shown);
        Shows(area, focus: Zhenru, highlight: null);
        Assert.Null(area.Find(".wall").GetAttribute("data-target"));
        await Eventually.Until(() => pushed.LastOrDefault() is { Focus: Zhenru, Target: null, Highlight: null, Presenting: true },
            $"the moved wall's map stays on 真如 for a case in 长风 (last: {pushed.LastOrDefault()})", Shown);
        Assert.DoesNotContain(pushed, m => m.Target is not null || m.Focus == Changfeng);
    }

    private static void Shows(IRenderedComponent<WallPage> wall, string focus, string? highlight) => wall.WaitForAssertion(() =>
    {
        var root = wall.Find(".wall");
        Assert.Equal(("district", "true", focus, highlight), (root.GetAttribute("data-scene"), root.GetAttribute("data-presenting"), root.GetAttribute("data-focus"), root.GetAttribute("data-highlight")));
    }, Shown);

    private static async Task<string> ReportAsync(AppTwin twin, SubDistrict area)
    {
        var id = "CF-" + Guid.NewGuid().ToString("N")[..8];
        var place = area.Boundary.InteriorPoint;
        var result = await twin.Commands.SubmitAsync(new ReportTicketCommand(new TicketReport(id, TicketChannel.GridPatrol, "street-vending", "河岸占道经营", "步道有流动摊位",
            new GeoPoint(place.X, place.Y), "测试地址", null, new Reporter(null, null), twin.Clock.GetUtcNow())));
        Assert.True(result.Accepted, result.Reason);
        await Eventually.Until(() => twin.Queries.Current.Tickets.Any(t => t.Id == id), "the case is in the twin", Shown);
        return id;
    }
}
