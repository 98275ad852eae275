using CommandCenter.Security;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace CommandCenter.BrowserTests;

/// <summary>The wall map's behaviour in Debian's Chromium, driven through its module API.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class MapBehaviourTests(AppServerFixture app, BrowserFixture browser)
{
    // A point on the Suzhou Creek in 长风新村街道, well inside the district.
    private const double Lon = 121.395;
    private const double Lat = 31.225;

    [Fact]
    public async Task FlyTo_holds_on_the_point_then_returns_to_the_district_view()
    {
        await using var tracked = await browser.NewPageAsAsync(app, Roles.Wall, 1920, 1080);
        var page = tracked.Page;
        await OpenLiveWallAsync(page);

        // Held long enough to be seen: a poll cannot run while the page's thread draws a long frame
        // (up to a second in software just after the snapshot), and a 500 ms hold fell in one.
        await MapModule.CallAsync(page, "flyTo", Lon, Lat, 16, 4_000);

        await WaitForViewAsync(page, "the view reaches the point at zoom 16", v => IsAt(v, Lon, Lat, 16));
        await WaitForViewAsync(page, "the view returns to the district", v =>
        {
            var home = v.GetProperty("home");
            var center = home.GetProperty("center");
            return !v.GetProperty("animating").GetBoolean()
                && IsAt(v, center[0].GetDouble(), center[1].GetDouble(), home.GetProperty("zoom").GetDouble());
        });
        Assert.True(tracked.ConsoleErrors.Count == 0, string.Join(Environment.NewLine, tracked.ConsoleErrors));
    }

    [Fact]
    public async Task The_map_rescales_its_symbols_when_the_screen_grows()
    {
        await using var tracked = await browser.NewPageAsAsync(app, Roles.Wall, 1920, 1080);
        var page = tracked.Page;
        await OpenLiveWallAsync(page);
        Assert.Equal(1.0, (await MapModule.StatsAsync(page)).Raw.GetProperty("scale").GetDouble(), 2);

        await page.SetViewportSizeAsync(3840, 2160);

        await MapModule.WaitForAsync(page, s => Math.Abs(s.Raw.GetProperty("scale").GetDouble() - 2.0) < 0.01);
        await page.WaitForTimeoutAsync(500);
        Assert.True(tracked.ConsoleErrors.Count == 0, string.Join(Environment.NewLine, tracked.ConsoleErrors));
    }

    [Theory]
    [InlineData(1920, 1080)]
    [InlineData(3840, 2160)]
    public async Task Clicking_a_ticket_opens_a_popup_that_shows_only_the_masked_reporter(int width, int height)
    {
        await using var tracked = await browser.NewPageAsAsync(app, Roles.Wall, width, height);
        var page = tracked.Page;
        await OpenLiveWallAsync(page);

        var (id, popup) = await OpenTicketPopupAsync(page);
        // At once: a new critical alarm may fly the live wall away from the popup at any moment.
        await BrowserFixture.ScreenshotAsync(page, $"map-popup-{width}x{height}");

        await Assertions.Expect(popup.Locator(".twinmap-popup-title")).ToContainTextAsync("工单");
        var rows = await popup.EvaluateAsync<Dictionary<string, string>>("""
            (popup) => Object.fromEntries([...popup.querySelectorAll('dt')].map((dt) => [dt.textContent, dt.nextElementSibling.textContent]))
            """);
        Assert.Equal(id, rows["编号"]);
        var reporter = rows["上报人"];
        Assert.Matches(MaskedReporter(), reporter);
        Assert.DoesNotMatch(MobileNumber(), await popup.InnerTextAsync());
    }

    [Fact]
    public async Task The_legend_shows_the_colours_the_map_draws()
    {
        await using var tracked = await browser.NewPageAsAsync(app, Roles.Wall, 1920, 1080);
        var page = tracked.Page;
        // The map's palette comes from the vocabulary the server passes when the map starts.
        await OpenLiveWallAsync(page);
        await Assertions.Expect(page.Locator("[data-legend]")).ToBeVisibleAsync();

        // Both sides are normalised by the browser (computed rgb()), so '#ff3b3b' equals 'rgb(255, 59, 59)'.
        var mismatches = await page.EvaluateAsync<string[]>("""
            async () => {
              const { palette } = await import('./assets/js/twinmap.js');
              const probe = document.createElement('i');
              document.body.append(probe);
              const normalise = (colour) => { probe.style.color = colour; return getComputedStyle(probe).color; };
              const keys = [
                ...Object.entries(palette.ticketStatus).map(([k, c]) => [`ticketStatus:${k}`, c, 'backgroundColor']),
                ...Object.entries(palette.valueState).map(([k, c]) => [`valueState:${k}`, c, 'backgroundColor']),
                ...Object.entries(palette.severity).map(([k, c]) => [`severity:${k}`, c, 'backgroundColor']),
                ['unhealthyRing', palette.unhealthyRing, 'borderTopColor'],
                ['aiCamera', palette.aiCamera, 'fill'],
              ];
              const wrong = ['ticketStatus', 'valueState', 'severity']
                .filter((group) => Object.keys(palette[group]).length === 0)
                .map((group) => `${group}: the map has no colours`);
              for (const [key, colour, property] of keys) {
                const element = document.querySelector(`[data-legend] [data-legend-key="${key}"]`);
                const shown = element ? getComputedStyle(element)[property] : 'missing';
                if (shown !== normalise(colour)) wrong.push(`${key}: legend ${shown}, map ${normalise(colour)}`);
              }
              probe.remove();
              return wrong;
            }
            """);

        Assert.Empty(mismatches);
    }

    private static async Task OpenLiveWallAsync(IPage page)
    {
        await page.GotoAsync("/");
        await page.WaitForInteractiveAsync();
        await MapModule.WaitForAsync(page, s => s.Connected && s.Count("tickets") > 0 && !s.Stale);
    }

    // The live wall is not still: it may fly away on its own (a new critical alarm) between locating
    // a ticket and the click landing, and an alarm at the same spot (a sensor's alarm and the case
    // filed for it) is drawn above the ticket. So the click is tried on a few tickets with a
    // reporter, and the first one whose own popup opens is the one checked.
    private static async Task<(string Id, ILocator Popup)> OpenTicketPopupAsync(IPage page)
    {
        var popup = page.Locator(".twinmap-popup");
        var title = popup.Locator(".twinmap-popup-title");
        var misses = new List<string>();
        await foreach (var (id, lonLat) in TicketsWithReporterAsync(page).Take(4))
        {
            // Close in, so few other symbols are near; the long hold keeps the view there.
            await MapModule.CallAsync(page, "flyTo", lonLat[0], lonLat[1], 18, 60_000);
            var (reached, view) = await ReachesViewAsync(page, v => IsAt(v, lonLat[0], lonLat[1], 18));
            if (!reached)
            {
                misses.Add($"{id}: the view never reached it (a critical alarm's flight took over?), view {view.GetRawText()}");
                continue;
            }

            await MapModule.CallAsync(page, "whenRendered");
            var pixel = (await MapModule.CallAsync(page, "locate", "tickets", id)).GetProperty("pixel");
            var viewport = await page.Locator(".ol-viewport").BoundingBoxAsync() ?? throw new InvalidOperationException("no map viewport");

            await page.Mouse.ClickAsync(viewport.X + pixel[0].GetSingle(), viewport.Y + pixel[1].GetSingle());

            try
            {
                await Assertions.Expect(title).ToContainTextAsync("工单", new() { Timeout = 5_000 });
                await Assertions.Expect(popup).ToContainTextAsync(id, new() { Timeout = 1_000 });
                return (id, popup);
            }
            catch (PlaywrightException)
            {
                var shown = await popup.IsVisibleAsync() ? await title.InnerTextAsync() : "no popup";
                misses.Add($"{id}: clicked {pixel.GetRawText()}, popup: {shown}, view then {(await MapModule.ViewAsync(page)).GetRawText()}");
            }
        }

        Assert.Fail($"No ticket's popup opened on clicking it:{Environment.NewLine}{string.Join(Environment.NewLine, misses)}");
        return default;
    }

    private static async IAsyncEnumerable<(string Id, double[] LonLat)> TicketsWithReporterAsync(IPage page)
    {
        var ids = await MapModule.CallAsync(page, "featureIds", "tickets");
        foreach (var id in ids.EnumerateArray().Select(i => i.GetString()!))
        {
            var located = await MapModule.CallAsync(page, "locate", "tickets", id);
            if (located.ValueKind == JsonValueKind.Object
                && located.GetProperty("properties").TryGetProperty("reporter", out var reporter)
                && reporter.GetString() is { Length: > 0 })
            {
                var lonLat = located.GetProperty("lonLat");
                yield return (id, [lonLat[0].GetDouble(), lonLat[1].GetDouble()]);
            }
        }
    }

    private static async Task WaitForViewAsync(IPage page, string what, Func<JsonElement, bool> condition)
    {
        var (reached, view) = await ReachesViewAsync(page, condition);
        Assert.True(reached, $"Timed out waiting until {what}: {view.GetRawText()}");
    }

    private static async Task<(bool Reached, JsonElement View)> ReachesViewAsync(IPage page, Func<JsonElement, bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        JsonElement view;
        do
        {
            view = await MapModule.ViewAsync(page);
            if (condition(view))
            {
                return (true, view);
            }

            await page.WaitForTimeoutAsync(100);
        }
        while (DateTime.UtcNow < deadline);

        return (false, view);
    }

    private static bool IsAt(JsonElement view, double lon, double lat, double zoom)
    {
        var center = view.GetProperty("center");
        return Math.Abs(center[0].GetDouble() - lon) < 1e-4
            && Math.Abs(center[1].GetDouble() - lat) < 1e-4
            && Math.Abs(view.GetProperty("zoom").GetDouble() - zoom) < 0.02;
    }

    // 张* or 欧*** and, when a phone was given, 138****1234.
    [GeneratedRegex(@"^\S\*+( \d{3}\*{4}\d{4}| \**\d{0,2})?$")]
    private static partial Regex MaskedReporter();

    [GeneratedRegex(@"(?<!\d)1[3-9]\d{9}(?!\d)")]
    private static partial Regex MobileNumber();
}
