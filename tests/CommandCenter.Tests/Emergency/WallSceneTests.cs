using System.Collections.Concurrent;
using System.Diagnostics;
using Bunit;
using CommandCenter.Components.Wall;
using CommandCenter.Configuration;
using CommandCenter.Officers;
using CommandCenter.Scenes;
using CommandCenter.Security;
using CommandCenter.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using NetTopologySuite.Geometries;
using Twin.Domain.Emergency;
using Twin.Domain.Engine;
using Twin.Domain.Geography;
using Twin.Domain.Sensors;
using Twin.Domain.Tickets;

namespace CommandCenter.Tests.Emergency;

/// <summary>
/// The walls' scenes: an emergency pre-empts every wall and every map on the hub within 2 s and
/// holds until stood down; a supervisor pushes 苏河秀带, whose panels show the creek west to east,
/// its water quality and the corridor's tickets; a rotation takes turns on its own.
/// </summary>
public sealed class WallSceneTests : IAsyncLifetime
{
    private static readonly TimeSpan Follow = TimeSpan.FromSeconds(2);
    private QuietApp _quiet = default!;

    private AppTwin Runtime => _quiet.Twin;

    public async Task InitializeAsync() => _quiet = await QuietApp.StartAsync();

    public async Task DisposeAsync() => await _quiet.DisposeAsync();

    [Fact]
    public async Task An_emergency_turns_two_walls_and_a_hubs_map_to_the_emergency_scene_within_2_s_and_standing_down_turns_them_back()
    {
        var pushed = new ConcurrentQueue<(string Scene, long At)>();
        await using var hub = TestHubs.AsWall(_quiet.App);
        hub.On<WallSceneMessage>("Scene", m => pushed.Enqueue((m.Scene, Stopwatch.GetTimestamp())));
        await hub.StartAsync();
        await using var one = WallContext.Create(_quiet.Services);
        await using var two = WallContext.Create(_quiet.Services);
        var walls = new[] { one.Render<WallPage>(), two.Render<WallPage>() };
        await Eventually.Until(() => pushed.Any(p => p.Scene == "district"), "the hub sends the scene on connecting");
        Assert.All(walls, w => Assert.Equal("district", w.Find(".wall").GetAttribute("data-scene")));

        var start = Stopwatch.GetTimestamp();
        Assert.True((await Runtime.Commands.SubmitAsync(new StartEmergencyCommand(EmergencyType.FloodTyphoon, ResponseLevel.IV, "督办员甲", OfficerRole.Supervisor, "台风蓝色预警"))).Accepted);
        foreach (var wall in walls)
        {
            wall.WaitForAssertion(() => Assert.Equal("emergency", wall.Find(".wall").GetAttribute("data-scene")), Follow);
        }

        await Eventually.Until(() => pushed.Any(p => p.Scene == "emergency"), "the hub pushes the emergency scene");
        Assert.True(Stopwatch.GetElapsedTime(start, pushed.First(p => p.Scene == "emergency").At) < Follow);

        var wallOne = walls[0];
        Assert.Contains("IV级", wallOne.Find("[data-mode]").TextContent);
        Assert.Contains("IV级", wallOne.Find("[data-panel='plan'] [data-indicator='level']").TextContent);
        Assert.Equal($"0/{Runtime.Queries.Current.Checklist.Length}", wallOne.Find("[data-panel='plan'] [data-indicator='steps-done'] .number").TextContent);
        Assert.NotEmpty(wallOne.FindAll("[data-rows='plan'] [data-row]"));
        Assert.NotEmpty(wallOne.FindAll("[data-rows='supplies-teams'] [data-row]"));
        Assert.Equal(5, wallOne.FindAll("[data-panel]").Count);

        // A scene pushed during the emergency is refused: the walls hold.
        Assert.False(_quiet.Services.GetRequiredService<WallSceneDirector>().Push(WallScene.Corridor));

        start = Stopwatch.GetTimestamp();
        Assert.True((await Runtime.Commands.SubmitAsync(new EndEmergencyCommand("督办员甲", OfficerRole.Supervisor, "解除"))).Accepted);
        foreach (var wall in walls)
        {
            wall.WaitForAssertion(() => Assert.Equal("district", wall.Find(".wall").GetAttribute("data-scene")), Follow);
        }

        Assert.True(Stopwatch.GetElapsedTime(start) < Follow + TimeSpan.FromSeconds(0.5));
        Assert.Equal("daily", wallOne.Find("[data-mode]").GetAttribute("data-mode"));
    }

    [Fact]
    public async Task A_supervisor_pushes_the_corridor_scene_whose_panels_show_the_creek_west_to_east_and_the_corridors_tickets_and_an_officer_may_not()
    {
        var district = Runtime.District;
        var creek = district.Creek.Coordinates.OrderBy(c => c.X).ToList();
        var east = await GaugeAsync("TEST-CREEK-E", SensorKind.CreekWaterLevel, creek[^1], 3.1);
        var west = await GaugeAsync("TEST-CREEK-W", SensorKind.CreekWaterLevel, creek[0], 2.4);
        await GaugeAsync("TEST-DO", SensorKind.DissolvedOxygen, creek[creek.Count / 2], 6.5);
        var onBank = new GeoPoint(creek[creek.Count / 2].X, creek[creek.Count / 2].Y);
        var report = new TicketReport("COR-1", TicketChannel.GridPatrol, "street-light", "滨河步道路灯不亮", "苏州河步道路灯晚上不亮", onBank, "测试地址", null,
            new Reporter("李四", "13800001111"), Runtime.Clock.GetUtcNow());
        Assert.True((await Runtime.Commands.SubmitAsync(new ReportTicketCommand(report))).Accepted);

        await using (var officer = ConsoleContext.Create(_quiet.Services, Roles.Officer))
        {
            var refused = await officer.Services.GetRequiredService<IEmergencyCommands>().PushSceneAsync(WallScene.Corridor);
            Assert.True(refused.Forbidden);
        }

        await using var wallCtx = WallContext.Create(_quiet.Services);
        var wall = wallCtx.Render<WallPage>();
        await using var supervisor = ConsoleContext.Create(_quiet.Services, Roles.Supervisor);
        Assert.True((await supervisor.Services.GetRequiredService<IEmergencyCommands>().PushSceneAsync(WallScene.Corridor)).Accepted);

        wall.WaitForAssertion(() => Assert.Equal("corridor", wall.Find(".wall").GetAttribute("data-scene")), Follow);
        wall.WaitForAssertion(() =>
        {
            Assert.Equal([west, east], wall.FindAll("[data-rows='creek-levels'] [data-row]").Select(r => r.GetAttribute("data-row")));
            Assert.Equal("3.10", wall.Find("[data-panel='creek-levels'] [data-indicator='highest'] .number").TextContent);
            Assert.Equal("6.50", wall.Find("[data-panel='water-quality'] [data-indicator='dissolved-oxygen'] .number").TextContent);
            Assert.Contains("COR-1", wall.FindAll("[data-rows='corridor-tickets'] [data-row]").Select(r => r.GetAttribute("data-row")));
        }, TimeSpan.FromSeconds(5));
        Assert.Contains("苏河秀带", wall.Find("[data-scene-name]").TextContent);
    }

    private async Task<string> GaugeAsync(string id, SensorKind kind, Coordinate at, double value)
    {
        var place = new GeoPoint(at.X, at.Y);
        var sensor = new SensorDefinition(id, kind, id, place, kind == SensorKind.CreekWaterLevel ? "m" : "mg/L",
            kind == SensorKind.DissolvedOxygen ? new Thresholds(3, 2, 0.1, HighIsBad: false) : new Thresholds(4.5, 5, 0.1), TimeSpan.FromMinutes(5));
        Assert.True((await Runtime.Commands.SubmitAsync(new RegisterSensorCommand(sensor))).Accepted);
        Assert.True((await Runtime.Commands.SubmitAsync(new RecordObservationCommand(new Observation(id, value, Runtime.Clock.GetUtcNow())))).Accepted);
        return id;
    }
}

/// <summary>A rotation of daily scenes takes turns on its own.</summary>
public sealed class WallSceneRotationTests : IAsyncLifetime
{
    private readonly TwinAppFactory _factory = new();
    private Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> _app = default!;

    public async Task InitializeAsync()
    {
        _app = _factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("Twin:Simulator:Enabled", "false");
            b.UseSetting("Twin:Wall:SceneRotation", "district, corridor");
            b.UseSetting("Twin:Wall:SceneSeconds", "10");
        });
        await _app.Services.AppTwin().Ready.WaitAsync(TimeSpan.FromSeconds(60));
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _factory.DisposeAsync();
    }

    [Fact]
    public async Task Daily_scenes_take_turns_every_SceneSeconds()
    {
        var director = _app.Services.GetRequiredService<WallSceneDirector>();
        await Eventually.Until(() => director.Current.Scene == "district", "the rotation starts on its first scene");
        var turned = Stopwatch.StartNew();
        await Eventually.Until(() => director.Current.Scene == "corridor", "the rotation turns to the corridor", TimeSpan.FromSeconds(15));
        Assert.InRange(turned.Elapsed, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(12));
    }
}
