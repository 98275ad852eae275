using System.Text.Json;
using CommandCenter.Security;
using Microsoft.Playwright;

namespace CommandCenter.BrowserTests;

/// <summary>Drones over the creek on the wall and at the console, in Debian's Chromium.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DronePatrolTests(AppServerFixture app, BrowserFixture browser)
{
    private const string Import = "await import('./assets/js/dronelayer.js')";

    [Theory]
    [InlineData(1920, 1080)]
    [InlineData(3840, 2160)]
    public async Task The_wall_shows_drones_flying_with_trails_and_a_moving_live_feed(int width, int height)
    {
        await using var tracked = await browser.NewPageAsAsync(app, Roles.Wall, width, height);
        var page = tracked.Page;
        await page.GotoAsync("/");
        await page.WaitForInteractiveAsync();

        var before = await WaitForDronesAsync(page, s => Number(s, "drones") >= 2 && Number(s, "airborne") >= 1 && Number(s, "trails") >= 1 && Number(s, "routes") >= 3);
        var feed = page.Locator("[data-drone-feed]");
        await Assertions.Expect(feed).ToBeVisibleAsync();
        await WaitForFeedAsync(page, "[data-drone-feed]");

        // The panel, not the img: at 60× the panel may turn to another drone, which replaces the img element.
        var panel = page.Locator(".map-area [data-drone-panel]");
        var first = await panel.ScreenshotAsync();
        await page.WaitForTimeoutAsync(2_500);
        var second = await panel.ScreenshotAsync();
        Assert.NotEqual(first, second);
        // Still live afterwards; waited for, since a panel that just turned to another drone shows a new img before its first frame.
        await WaitForFeedAsync(page, "[data-drone-feed]");

        var after = await StatsAsync(page);
        var moved = before.GetProperty("positions").EnumerateObject()
            .Count(p => after.GetProperty("positions").TryGetProperty(p.Name, out var now) && now.GetRawText() != p.Value.GetRawText());
        Assert.True(moved >= 1, $"no drone moved on the map: {before} → {after}");

        var scroll = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.scrollHeight]");
        Assert.True(scroll[0] <= width && scroll[1] <= height, $"the wall scrolls: {scroll[0]}×{scroll[1]}");
        var box = await panel.BoundingBoxAsync();
        var legend = await page.Locator("[data-legend]").BoundingBoxAsync();
        var map = await page.Locator(".map-area").BoundingBoxAsync();
        Assert.True(box!.Y >= legend!.Y + legend.Height || box.X + box.Width <= legend.X, "the feed panel covers the legend");
        Assert.True(box.X >= map!.X && box.X + box.Width <= map.X + map.Width && box.Y + box.Height <= map.Y + map.Height, "the feed panel leaves the map");

        await BrowserFixture.ScreenshotAsync(page, $"wall-drones-{width}x{height}");
        Assert.True(tracked.ConsoleErrors.Count == 0, string.Join(Environment.NewLine, tracked.ConsoleErrors));
    }

    [Fact]
    public async Task The_legend_toggle_hides_and_shows_the_drone_layer()
    {
        await using var tracked = await browser.NewPageAsAsync(app, Roles.Wall, 1920, 1080);
        var page = tracked.Page;
        await page.GotoAsync("/");
        await page.WaitForInteractiveAsync();
        await WaitForDronesAsync(page, s => Number(s, "drones") >= 2);
        var toggle = page.Locator("[data-legend] [data-layer-toggle='drones']");

        await toggle.ClickAsync();
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-pressed", "false");
        await WaitForDronesAsync(page, s => s.GetProperty("visible").ValueKind == JsonValueKind.False);

        await toggle.ClickAsync();
        await WaitForDronesAsync(page, s => s.GetProperty("visible").ValueKind == JsonValueKind.True);
    }

    [Fact]
    public async Task At_the_console_an_officer_captures_a_drone_frame_onto_the_selected_ticket()
    {
        await using var tracked = await browser.NewPageAsAsync(app, Roles.Officer, 1920, 1080);
        var page = tracked.Page;
        await page.GotoAsync("/console");
        await page.WaitForInteractiveAsync();
        var row = page.Locator("[data-queue] [data-ticket]").First;
        await row.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });

        // The queue reorders live; a ticket closed by the simulator meanwhile refuses evidence, so a few are tried.
        var candidates = await page.Locator("[data-queue] [data-ticket]").EvaluateAllAsync<string[]>("rows => rows.slice(0, 5).map(r => r.dataset.ticket)");
        foreach (var id in candidates)
        {
            // The live queue re-renders under the pointer at 60×; narrowed to the one ticket it holds still.
            await page.Locator("[data-filter='text'] input").FillAsync(id);
            var queue = page.Locator("[data-queue]");
            await Assertions.Expect(queue).ToHaveAttributeAsync("data-count", new System.Text.RegularExpressions.Regex("^[01]$"));
            if (await queue.GetAttributeAsync("data-count") != "1")
            {
                continue;
            }

            await page.Locator($"[data-queue] [data-ticket='{id}']").ClickAsync();
            await page.Locator($"[data-ticket-view='{id}']").WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
            await WaitForFeedAsync(page, "[data-drone-console] [data-drone-feed]");
            await page.Locator("[data-drone-action='capture']").ClickAsync();
            var message = page.Locator("[data-drone-message]");
            await message.WaitForAsync();
            if (!(await message.InnerTextAsync()).Contains(id, StringComparison.Ordinal))
            {
                continue;
            }

            var evidence = page.Locator($"[data-evidence='{id}'] [data-evidence-item] img");
            await Assertions.Expect(evidence).ToHaveCountAsync(1, new() { Timeout = 15_000 });
            await page.WaitForFunctionAsync($"() => document.querySelector(\"[data-evidence='{id}'] img\")?.naturalWidth === 640");
            await Assertions.Expect(page.Locator("[data-timeline-entry]", new() { HasText = "无人机图像回传" })).ToHaveCountAsync(1);
            await BrowserFixture.ScreenshotAsync(page, "console-drone-evidence-1920x1080");
            Assert.True(tracked.ConsoleErrors.Count == 0, string.Join(Environment.NewLine, tracked.ConsoleErrors));
            return;
        }

        Assert.Fail("no ticket took the captured frame in five tries");
    }

    /// <summary>Waits until the feed's first frame has decoded in the img (an MJPEG part is a 640×360 JPEG).</summary>
    private static async Task WaitForFeedAsync(IPage page, string selector)
    {
        try
        {
            await page.WaitForFunctionAsync($"() => document.querySelector(\"{selector}\")?.naturalWidth === 640", null, new() { Timeout = 60_000 });
        }
        catch (TimeoutException)
        {
            var state = await page.EvaluateAsync<string>($$"""
                async () => {
                  const img = document.querySelector("{{selector}}");
                  if (!img) return 'no img';
                  const abort = new AbortController();
                  const response = await fetch(img.src, { signal: abort.signal });
                  abort.abort();
                  return `${img.src} complete=${img.complete} width=${img.naturalWidth} fetch=${response.status} ${response.headers.get('content-type')}`;
                }
                """);
            Assert.Fail($"the feed did not show a frame within 60 s: {state}");
        }
    }

    private static async Task<JsonElement> StatsAsync(IPage page) =>
        await page.EvaluateAsync<JsonElement>($"async () => ({Import}).droneStats()");

    private static async Task<JsonElement> WaitForDronesAsync(IPage page, Func<JsonElement, bool> ready)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        JsonElement stats;
        do
        {
            stats = await StatsAsync(page);
            if (stats.GetProperty("attached").ValueKind == JsonValueKind.True && ready(stats))
            {
                return stats;
            }

            await page.WaitForTimeoutAsync(250);
        }
        while (DateTime.UtcNow < deadline);

        Assert.Fail($"The drone layer did not get there within 60 s: {stats}");
        return stats;
    }

    private static int Number(JsonElement stats, string name) => stats.GetProperty(name).GetInt32();
}
