using System.Globalization;
using System.Text;
using System.Text.Json;
using CommandCenter.Security;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace CommandCenter.BrowserTests;

/// <summary>
/// 平急融合 end to end in Chromium: a CAP typhoon warning proposes 防汛防台 IV, a supervisor
/// confirms it on the emergency desk, and two walls (1920×1080 and 3840×2160) turn to the emergency
/// scene live (the typical wall-step within <see cref="Follow"/>); standing down returns them; the corridor scene frames the
/// creek. Each scene is photographed at both sizes and checked by axe for landmarks, regions and headings.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class EmergencySceneTests(AppServerFixture app, BrowserFixture browser)
{
    private const string DevKey = "dev-only-not-a-secret";

    // Issue 17 asks that "two walls switch to the emergency scene within 2 s" of the supervisor's
    // confirm. Measured from the click as the desk page saw it to each wall's panels and map showing
    // the scene (all pages in one Chromium beside the app: one clock). Every run prints the split:
    // the click's way to the server, the writer's commit (the mode is durable state, so the walls
    // are told only once it is on disk), the director's send, the hub message and the wall's render.
    // The typical wall-step is held to the issue's 2 s, a single one to 5 s: on a 2-core machine
    // that also runs the app, two walls and a desk, clean-clone runs saw the confirm at 4.0 s (4K)
    // before session 12's changes, and at 2.5 s on both walls at load average 70-90 after them.
    // Six runs at load 1-15 after the 4K walls stopped painting a margin (session 15) had every
    // wall-step within 1.6 s (bench/RESULTS.md, section E15).
    private static readonly TimeSpan Follow = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan SlowestStep = TimeSpan.FromSeconds(5);

    // How long a step may take before the test stops waiting and prints what each wall showed.
    private static readonly TimeSpan GiveUp = TimeSpan.FromSeconds(30);

    // The structure rules axe found the wall failing, and their neighbours.
    private static readonly string[] StructureRules =
    [
        "landmark-one-main", "region", "page-has-heading-one", "heading-order", "empty-heading", "landmark-unique",
        "landmark-banner-is-top-level", "landmark-main-is-top-level", "landmark-complementary-is-top-level",
        "landmark-no-duplicate-banner", "landmark-no-duplicate-main",
    ];

    [Fact]
    public async Task A_supervisor_confirms_a_proposed_flood_control_IV_and_both_walls_switch_live_then_the_corridor_frames_the_creek()
    {
        var identifier = "browser-typhoon-" + Guid.NewGuid().ToString("N")[..8];
        await using var small = await browser.NewPageAsAsync(app, Roles.Wall, 1920, 1080);
        await using var large = await browser.NewPageAsAsync(app, Roles.Wall, 3840, 2160);
        var walls = new[] { (Page: small.Page, Name: "1920x1080"), (Page: large.Page, Name: "3840x2160") };
        foreach (var (page, _) in walls)
        {
            await page.GotoAsync("/");
            await page.WaitForInteractiveAsync();
            await MapModule.WaitForAsync(page, s => s.Connected && s.Count("tickets") > 0 && !s.Stale && Scene(s) == "district");
            await WallFollow.WatchWallAsync(page);
        }

        // The supervisor works on the emergency desk: the proposal's banner (the console's own), the
        // stand-down and the walls' scenes are all there, so the test signs in and loads one page.
        await using var supervisor = await browser.NewPageAsAsync(app, Roles.Supervisor, 1920, 1080);
        var desk = supervisor.Page;
        DateTimeOffset? alertAt = null;
        var timings = new List<Followed>();
        var clean = false;
        try
        {
            alertAt = await TwinNowAsync(walls[0].Page);
            await PostCapAsync(TyphoonWarning(identifier, "Alert", references: null, alertAt.Value));
            await desk.GotoAsync("/console/emergency");
            await desk.WaitForInteractiveAsync();
            await WallFollow.WatchDeskAsync(desk);
            await ShootAsync(walls, "district");
            await AssertStructureAsync(walls[0].Page, "district");

            var proposal = desk.Locator("[data-proposal]").Filter(new() { HasText = "防汛防台" }).First;
            await Assertions.Expect(proposal).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await proposal.Locator("[data-proposal-reason]").FillAsync("台风蓝色预警，按预案启动IV级响应");
            await BrowserFixture.ScreenshotAsync(desk, "console-proposal-1920x1080");

            await ClickAndFollowAsync(proposal.Locator("[data-proposal-confirm]"), desk, walls, "emergency", timings);
            await Assertions.Expect(desk.Locator("[data-proposal-banner]")).ToHaveCountAsync(0);
            foreach (var (page, _) in walls)
            {
                await Assertions.Expect(page.Locator("[data-mode='emergency']")).ToContainTextAsync("IV级");
                await Assertions.Expect(page.Locator("[data-panel='plan'] [data-indicator='level']")).ToContainTextAsync("IV级");
                await Assertions.Expect(page.Locator("[data-rows='plan'] [data-row]").First).ToBeVisibleAsync();
            }

            await ShootAsync(walls, "emergency");
            await AssertStructureAsync(walls[0].Page, "emergency");
            await BrowserFixture.ScreenshotAsync(desk, "console-emergency-1920x1080");

            // Stand down on the same desk: the walls return to the daily picture.
            await desk.Locator("[data-mode-reason]").FillAsync("预警解除，终止响应");
            await ClickAndFollowAsync(desk.Locator("[data-mode-end]"), desk, walls, "district", timings);
            await Assertions.Expect(desk.Locator("[data-stood-down]")).ToBeVisibleAsync();

            // The corridor scene: pushed to every wall, its map framed on the creek.
            await ClickAndFollowAsync(desk.Locator("[data-push-scene='corridor']"), desk, walls, "corridor", timings);
            foreach (var (page, name) in walls)
            {
                await AssertFramesTheCreekAsync(page, name);
                await AssertCorridorClearAsync(page, name);
                await Assertions.Expect(page.Locator("[data-panel='creek-levels']")).ToBeVisibleAsync();
            }

            await ShootAsync(walls, "corridor");
            await AssertStructureAsync(walls[0].Page, "corridor");

            // The collection shares one app: the walls go back to the district.
            await ClickAndFollowAsync(desk.Locator("[data-push-scene='district']"), desk, walls, "district", timings);
            clean = true;

            await desk.Locator("[data-stood-down] a").ClickAsync();
            await Assertions.Expect(desk.Locator("[data-after-action-lines]")).ToContainTextAsync("启动应急响应");
            await BrowserFixture.ScreenshotAsync(desk, "console-after-action-1920x1080");

            var summary = WallFollow.Summary(timings);
            Console.WriteLine($"emergency desk → walls: {summary}");
            Assert.True(WallFollow.Median([.. timings.Select(t => t.Total).Order()]) <= Follow.TotalMilliseconds, $"the walls' median step took over {Follow.TotalSeconds} s: {summary}");
            Assert.True(small.ConsoleErrors.Count == 0, string.Join(Environment.NewLine, small.ConsoleErrors));
            Assert.True(large.ConsoleErrors.Count == 0, string.Join(Environment.NewLine, large.ConsoleErrors));
        }
        finally
        {
            // The collection shares one app: leave it daily, on the district scene, without the warning.
            if (alertAt is { } sent)
            {
                await PostCapAsync(TyphoonWarning(identifier + "-cancel", "Cancel", references: (identifier, sent), await TwinNowAsync(walls[0].Page)));
            }

            if (!clean)
            {
                await RestoreDailyAsync(desk);
            }
        }
    }

    private static async Task RestoreDailyAsync(IPage desk)
    {
        await desk.GotoAsync("/console/emergency");
        await desk.WaitForInteractiveAsync();
        if (await desk.Locator("[data-mode-end]").CountAsync() > 0)
        {
            await desk.Locator("[data-mode-reason]").FillAsync("测试结束");
            await desk.Locator("[data-mode-end]").ClickAsync();
        }

        await desk.Locator("[data-push-scene='district']").ClickAsync();
    }

    private static string? Scene(MapModule.MapStats stats) =>
        stats.Raw.TryGetProperty("scene", out var scene) ? scene.GetString() : null;

    /// <summary>
    /// Clicks <paramref name="action"/> on the desk and waits until both walls' panels and maps show
    /// <paramref name="scene"/>; prints each wall's split and checks it against <see cref="SlowestStep"/>.
    /// </summary>
    private static async Task ClickAndFollowAsync(ILocator action, IPage desk, (IPage Page, string Name)[] walls, string scene, List<Followed> timings)
    {
        var clickedAt = await WallFollow.ActAsync(desk, () => action.ClickAsync());
        var followed = new List<Followed>();
        foreach (var (page, name) in walls)
        {
            followed.Add(await WallFollow.WaitAsync(page, name, clickedAt, new { scene }, mapMoves: true, GiveUp));
        }

        followed = await WallFollow.DetailAsync(walls, followed, clickedAt);
        timings.AddRange(followed);
        var report = string.Join("; ", followed);
        Console.WriteLine($"scene {scene}: {report}");
        Assert.True(followed.All(f => f.Total <= SlowestStep.TotalMilliseconds), $"the walls took over {SlowestStep.TotalSeconds} s to show {scene}: {report}");
    }

    /// <summary>The corridor view holds the whole creek within Putuo and is centred on it.</summary>
    private static async Task AssertFramesTheCreekAsync(IPage page, string name)
    {
        var (west, south, east, north) = CreekBounds();
        const double slack = 0.002;
        bool Holds(double[] e) => e[0] <= west + slack && e[2] >= east - slack && e[1] <= south + slack && e[3] >= north - slack;

        // A critical alarm raised meanwhile flies the wall to it (zoom 16) and holds there 8 s before
        // the wall returns to the scene's frame (map/view.js): a clean-clone run read the view then.
        var returnBy = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        double[] extent;
        while (true)
        {
            var view = await MapModule.RestingViewAsync(page);
            extent = view.GetProperty("extent").EnumerateArray().Select(v => v.GetDouble()).ToArray();
            if (Holds(extent) || DateTime.UtcNow > returnBy)
            {
                break;
            }

            await Task.Delay(500);
        }

        Assert.True(Holds(extent),
            $"{name}: the view {string.Join(", ", extent)} does not hold the creek {west}, {south}, {east}, {north}");
        // The creek runs across the whole district west to east, so the frame is as wide; it is
        // centred on the creek's band, not on the district.
        var (centreLon, centreLat) = ((extent[0] + extent[2]) / 2, (extent[1] + extent[3]) / 2);
        Assert.True(Math.Abs(centreLon - (west + east) / 2) < 0.1 * (extent[2] - extent[0]) && Math.Abs(centreLat - (south + north) / 2) < 0.1 * (extent[3] - extent[1]),
            $"{name}: the view's centre {centreLon}, {centreLat} is not the creek's {(west + east) / 2}, {(south + north) / 2}");
    }

    /// <summary>No point of the corridor band lies under the legend or a drone's view, or off the map (under the side panels).</summary>
    private static async Task AssertCorridorClearAsync(IPage page, string name)
    {
        var clear = await page.EvaluateAsync<JsonElement>("""
            async () => {
              const map = await import('./assets/js/twinmap.js');
              const corridor = await (await fetch('/api/map/corridor.geojson')).json();
              const points = [];
              const walk = (c) => { if (typeof c[0] === 'number') points.push(c); else c.forEach(walk); };
              corridor.features.forEach((f) => walk(f.geometry.coordinates));
              const pixels = map.pagePixels(points);
              const over = [...document.querySelectorAll('.map-area [data-legend], .map-area [data-drone-panel]')]
                .map((e) => e.getBoundingClientRect()).filter((r) => r.width > 0);
              const area = document.querySelector('.map-area').getBoundingClientRect();
              const under = pixels.filter(([x, y]) => over.some((r) => x >= r.left && x <= r.right && y >= r.top && y <= r.bottom));
              const off = pixels.filter(([x, y]) => x < area.left || x > area.right || y < area.top || y > area.bottom);
              return { points: pixels.length, under: under.length, off: off.length, first: under[0] ?? off[0] ?? null, legend: over[0] ? [over[0].left, over[0].top, over[0].right, over[0].bottom] : null };
            }
            """);
        Assert.True(clear.GetProperty("points").GetInt32() > 0, $"{name}: the corridor has no points");
        Assert.True(clear.GetProperty("under").GetInt32() == 0 && clear.GetProperty("off").GetInt32() == 0,
            $"{name}: of the corridor's {clear.GetProperty("points")} points {clear.GetProperty("under")} lie under the legend and {clear.GetProperty("off")} off the map, e.g. at {clear.GetProperty("first")} (legend {clear.GetProperty("legend")})");
    }

    private static (double West, double South, double East, double North) CreekBounds() =>
        Bounds(Path.Combine(RepoPaths.Root, "wwwroot-assets", "geo", "suzhou_creek_line_putuo_osm_derived.geojson"));

    private static (double West, double South, double East, double North) Bounds(string file)
    {
        var points = new List<(double Lon, double Lat)>();
        void Walk(JsonElement e)
        {
            if (e.ValueKind != JsonValueKind.Array)
            {
                return;
            }

            if (e.GetArrayLength() >= 2 && e[0].ValueKind == JsonValueKind.Number)
            {
                points.Add((e[0].GetDouble(), e[1].GetDouble()));
                return;
            }

            foreach (var child in e.EnumerateArray())
            {
                Walk(child);
            }
        }

        using var json = JsonDocument.Parse(File.ReadAllText(file));
        foreach (var feature in json.RootElement.GetProperty("features").EnumerateArray())
        {
            Walk(feature.GetProperty("geometry").GetProperty("coordinates"));
        }

        return (points.Min(p => p.Lon), points.Min(p => p.Lat), points.Max(p => p.Lon), points.Max(p => p.Lat));
    }

    private static async Task ShootAsync((IPage Page, string Name)[] walls, string scene)
    {
        foreach (var (page, name) in walls)
        {
            // The map's image layers repaint once the view rests.
            await MapModule.CallAsync(page, "whenRendered");
            await BrowserFixture.ScreenshotAsync(page, $"wall-scene-{scene}-{name}");
        }
    }

    private static async Task AssertStructureAsync(IPage page, string scene)
    {
        var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "rule", Values = [.. StructureRules] } });
        var violations = result.Violations.Select(v => $"{v.Id}: {string.Join(" | ", v.Nodes.Take(3).Select(n => string.Join(" ", n.Target)))}").ToList();
        Assert.True(violations.Count == 0, $"axe on the {scene} scene:{Environment.NewLine}{string.Join(Environment.NewLine, violations)}");
    }

    private async Task PostCapAsync(string xml)
    {
        using var http = new HttpClient { BaseAddress = app.BaseUrl };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/alerts/cap") { Content = new StringContent(xml, Encoding.UTF8, "application/cap+xml") };
        request.Headers.Add("X-Api-Key", DevKey);
        using var response = await http.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"CAP {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>
    /// The twin's clock (simulated, 60× here) as the wall's header shows it in Shanghai: CAP messages
    /// must be sent near it, not near the real time.
    /// </summary>
    private static async Task<DateTimeOffset> TwinNowAsync(IPage wall)
    {
        var date = System.Text.RegularExpressions.Regex.Match(await wall.Locator("[data-clock] .date").InnerTextAsync(), @"(\d+)年(\d+)月(\d+)日");
        var time = TimeSpan.ParseExact(await wall.Locator("[data-clock] .time").InnerTextAsync(), @"hh\:mm\:ss", CultureInfo.InvariantCulture);
        int Part(int i) => int.Parse(date.Groups[i].Value, CultureInfo.InvariantCulture);
        return new DateTimeOffset(Part(1), Part(2), Part(3), 0, 0, 0, TimeSpan.FromHours(8)) + time;
    }

    /// <summary>A CAP 1.2 typhoon blue warning over Putuo from the Shanghai Meteorological Service, sent a twin minute before <paramref name="now"/>.</summary>
    private static string TyphoonWarning(string identifier, string msgType, (string Identifier, DateTimeOffset Now)? references, DateTimeOffset now)
    {
        string Time(DateTimeOffset t) => t.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        var refs = references is { } r ? $"<references>sh-meteo@example.cn,{r.Identifier},{Time(r.Now.AddMinutes(-1))}</references>" : string.Empty;
        return $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
              <identifier>{identifier}</identifier>
              <sender>sh-meteo@example.cn</sender>
              <sent>{Time(now.AddMinutes(-1))}</sent>
              <status>Actual</status>
              <msgType>{msgType}</msgType>
              <scope>Public</scope>
              {refs}
              <info>
                <language>zh-CN</language>
                <category>Met</category>
                <event>台风蓝色预警</event>
                <urgency>Expected</urgency>
                <severity>Moderate</severity>
                <certainty>Likely</certainty>
                <expires>{Time(now.AddHours(12))}</expires>
                <headline>上海中心气象台发布台风蓝色预警</headline>
                <area>
                  <areaDesc>普陀区</areaDesc>
                  <circle>31.25,121.41 8</circle>
                </area>
              </info>
            </alert>
            """;
    }
}
