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
/// confirms it on the console, and two walls (1920×1080 and 3840×2160) turn to the emergency scene
/// within <see cref="Follow"/>, live; standing down returns them; the corridor scene frames the creek. Each scene is
/// photographed at both sizes and checked by axe for landmarks, regions and headings.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class EmergencySceneTests(AppServerFixture app, BrowserFixture browser)
{
    private const string DevKey = "dev-only-not-a-secret";
    // Issue 17's 2 s is held in-process by WallSceneTests (server to hub client and panels). Here it
    // cannot be: each run prints where the time went (the server's send, each wall's message, view,
    // drawing and long tasks). The director no longer polls (session 9): it sends when the mode's
    // change is committed. What is left before any wall has a byte is the click's circuit and the
    // command's commit through the writer, which on this 2-core machine shared at load averages
    // 30-75 took 2.8-9.2 s (session 8) and, at 40-45 with a build running beside it, 23.4 s once
    // (session 9; the walls then followed 0.7-3.3 s after the send). A bound the loaded machine
    // keeps would say nothing a user would accept, and one a user would accept (2 s) fails there; so
    // the browsers are held to following at all, live and without a reload (the watchers set before
    // the click would be gone), within 15 s, and a miss names each wall's times.
    private static readonly TimeSpan Follow = TimeSpan.FromSeconds(15);

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
        }

        await using var desk = await browser.NewPageAsAsync(app, Roles.Supervisor, 1920, 1080);
        DateTimeOffset? alertAt = null;
        try
        {
            await ShootAsync(walls, "district");
            await AssertStructureAsync(walls[0].Page, "district");

            alertAt = await TwinNowAsync(walls[0].Page);
            await PostCapAsync(TyphoonWarning(identifier, "Alert", references: null, alertAt.Value));
            var console = desk.Page;
            await console.GotoAsync("/console");
            await console.WaitForInteractiveAsync();
            var proposal = console.Locator("[data-proposal]").Filter(new() { HasText = "防汛防台" }).First;
            await Assertions.Expect(proposal).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await proposal.Locator("[data-proposal-reason]").FillAsync("台风蓝色预警，按预案启动IV级响应");
            await BrowserFixture.ScreenshotAsync(console, "console-proposal-1920x1080");

            await ClickAndFollowAsync(proposal.Locator("[data-proposal-confirm]"), console, walls, "emergency");
            await Assertions.Expect(console.Locator("[data-proposal-banner]")).ToHaveCountAsync(0);
            foreach (var (page, _) in walls)
            {
                await Assertions.Expect(page.Locator("[data-mode='emergency']")).ToContainTextAsync("IV级");
                await Assertions.Expect(page.Locator("[data-panel='plan'] [data-indicator='level']")).ToContainTextAsync("IV级");
                await Assertions.Expect(page.Locator("[data-rows='plan'] [data-row]").First).ToBeVisibleAsync();
            }

            await ShootAsync(walls, "emergency");
            await AssertStructureAsync(walls[0].Page, "emergency");

            // Stand down from the emergency desk: the walls return to the daily picture.
            await console.GotoAsync("/console/emergency");
            await console.WaitForInteractiveAsync();
            await BrowserFixture.ScreenshotAsync(console, "console-emergency-1920x1080");
            await console.Locator("[data-mode-reason]").FillAsync("预警解除，终止响应");
            await ClickAndFollowAsync(console.Locator("[data-mode-end]"), console, walls, "district");
            await Assertions.Expect(console.Locator("[data-stood-down]")).ToBeVisibleAsync();

            // The corridor scene: pushed to every wall, its map framed on the creek.
            await ClickAndFollowAsync(console.Locator("[data-push-scene='corridor']"), console, walls, "corridor");
            foreach (var (page, name) in walls)
            {
                await AssertFramesTheCreekAsync(page, name);
                await AssertCorridorClearAsync(page, name);
                await Assertions.Expect(page.Locator("[data-panel='creek-levels']")).ToBeVisibleAsync();
            }

            await ShootAsync(walls, "corridor");
            await AssertStructureAsync(walls[0].Page, "corridor");

            await console.Locator("[data-stood-down] a").ClickAsync();
            await Assertions.Expect(console.Locator("[data-after-action-lines]")).ToContainTextAsync("启动应急响应");
            await BrowserFixture.ScreenshotAsync(console, "console-after-action-1920x1080");
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

            await desk.Page.GotoAsync("/console/emergency");
            await desk.Page.WaitForInteractiveAsync();
            if (await desk.Page.Locator("[data-mode-end]").CountAsync() > 0)
            {
                await desk.Page.Locator("[data-mode-reason]").FillAsync("测试结束");
                await desk.Page.Locator("[data-mode-end]").ClickAsync();
            }

            await desk.Page.Locator("[data-push-scene='district']").ClickAsync();
        }
    }

    private static string? Scene(MapModule.MapStats stats) =>
        stats.Raw.TryGetProperty("scene", out var scene) ? scene.GetString() : null;

    /// <summary>
    /// Notes, in each wall's own clock, when its panels' scene changes and every long task (a main
    /// thread busy over 50 ms); the map keeps its own times (getStats().sceneArrivedAt, sceneAt,
    /// sceneDrawnAt). Read afterwards, so the test's polling adds nothing to what is measured.
    /// </summary>
    private static async Task WatchScenesAsync((IPage Page, string Name)[] walls)
    {
        foreach (var (page, _) in walls)
        {
            await page.EvaluateAsync("""
                () => {
                  window.__sceneSeen = {};
                  new MutationObserver(() => {
                    const scene = document.querySelector('.wall')?.getAttribute('data-scene');
                    if (scene && !(scene in window.__sceneSeen)) window.__sceneSeen[scene] = Date.now();
                  }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-scene'] });
                  window.__longTasks = [];
                  window.__longTaskObserver?.disconnect();
                  window.__longTaskObserver = new PerformanceObserver((list) => {
                    for (const e of list.getEntries()) window.__longTasks.push([performance.timeOrigin + e.startTime, e.duration]);
                  });
                  window.__longTaskObserver.observe({ type: 'longtask' });
                }
                """);
        }
    }

    /// <summary>Where one wall's time went after the click (ms): the hub message's arrival, the map's new view, its first drawing, the panels, and the main thread's long tasks until the map was drawn.</summary>
    private static async Task<string> BreakdownAsync(IPage page, string scene, double clickedAt)
    {
        var stats = (await MapModule.StatsAsync(page)).Raw;
        double At(string key) => stats.TryGetProperty(key, out var v) && v.GetDouble() > 0 ? v.GetDouble() - clickedAt : double.NaN;
        var drawn = At("sceneDrawnAt");
        var panels = await page.EvaluateAsync<double?>($"() => window.__sceneSeen['{scene}'] ?? null") - clickedAt;
        var busy = await page.EvaluateAsync<double[]>(
            "([from, until]) => { const t = window.__longTasks.filter(([s]) => s >= from && s <= until); return [t.length, t.reduce((a, [, d]) => a + d, 0), Math.max(0, ...t.map(([, d]) => d))]; }",
            new[] { clickedAt, clickedAt + (double.IsNaN(drawn) ? 30_000 : drawn) });
        return FormattableString.Invariant(
            $"sent {At("sceneSentAt"):0}, hub message {At("sceneArrivedAt"):0}, view set {At("sceneAt"):0}, drawn {drawn:0}, panels {panels:0}; long tasks until drawn: {busy[0]:0} taking {busy[1]:0} (longest {busy[2]:0}); last frame {stats.GetProperty("frameCostMs").GetDouble():0}");
    }

    /// <summary>Clicks <paramref name="action"/> and checks that both walls' panels and maps show <paramref name="scene"/> within <see cref="Follow"/> of it.</summary>
    private static async Task ClickAndFollowAsync(ILocator action, IPage desk, (IPage Page, string Name)[] walls, string scene)
    {
        await WatchScenesAsync(walls);
        var clickedAt = await desk.EvaluateAsync<double>("() => Date.now()");
        await action.ClickAsync();
        var seen = new Dictionary<string, double>();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (seen.Count < 2 * walls.Length && DateTime.UtcNow < deadline)
        {
            foreach (var (page, name) in walls)
            {
                var panels = await page.EvaluateAsync<double?>($"() => window.__sceneSeen['{scene}'] ?? null");
                if (panels is { } p)
                {
                    seen[name + " panels"] = p - clickedAt;
                }

                var stats = await MapModule.StatsAsync(page);
                if (Scene(stats) == scene)
                {
                    seen[name + " map"] = stats.Raw.GetProperty("sceneAt").GetDouble() - clickedAt;
                }
            }
        }

        // The first drawing in the new frame comes after the view's 600 ms flight; wait for it so the breakdown has it.
        var drawnBy = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (DateTime.UtcNow < drawnBy && (await Task.WhenAll(walls.Select(w => MapModule.StatsAsync(w.Page)))).Any(s => s.Raw.GetProperty("sceneDrawnAt").GetDouble() == 0))
        {
            await desk.WaitForTimeoutAsync(100);
        }

        var breakdown = new List<string>();
        foreach (var (page, name) in walls)
        {
            breakdown.Add($"{name}: {await BreakdownAsync(page, scene, clickedAt)}");
        }

        var report = string.Join(", ", seen.Select(s => $"{s.Key} {s.Value:0} ms")) + " (" + string.Join("; ", breakdown) + ")";
        Console.WriteLine($"scene {scene}: {report}");
        Assert.True(seen.Count == 2 * walls.Length, $"not every wall showed {scene} within 30 s: {report}");
        Assert.True(seen.Values.Max() < Follow.TotalMilliseconds, $"the walls took too long to show {scene}: {report}");
    }

    /// <summary>The corridor view holds the whole creek within Putuo and is centred on it.</summary>
    private static async Task AssertFramesTheCreekAsync(IPage page, string name)
    {
        JsonElement view = default;
        for (var i = 0; i < 20; i++)
        {
            view = await MapModule.ViewAsync(page);
            if (!view.GetProperty("animating").GetBoolean())
            {
                break;
            }

            await page.WaitForTimeoutAsync(100);
        }

        var extent = view.GetProperty("extent").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        var (west, south, east, north) = CreekBounds();
        const double slack = 0.002;
        Assert.True(extent[0] <= west + slack && extent[2] >= east - slack && extent[1] <= south + slack && extent[3] >= north - slack,
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
