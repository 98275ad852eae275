using CommandCenter.Security;
using Microsoft.Playwright;

namespace CommandCenter.BrowserTests;

/// <summary>The wall as the command hall sees it, in Debian's Chromium.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WallPageTests(AppServerFixture app, BrowserFixture browser)
{
    [Theory]
    [InlineData(1920, 1080)]
    [InlineData(3840, 2160)]
    public async Task The_wall_draws_the_district_and_live_features_without_errors_and_fits_the_screen(int width, int height)
    {
        await using var tracked = await browser.NewPageAsAsync(app, Roles.Wall, width, height);
        var page = tracked.Page;

        await page.GotoAsync("/");
        await page.WaitForInteractiveAsync();
        var stats = await MapModule.WaitForAsync(page, s =>
            s.Connected && s.Count("subdistricts") == 10 && s.Count("districtOutline") >= 1
            && s.Count("sensors") >= 1_000 && s.Count("cameras") == 21_000 && s.Count("tickets") > 0 && !s.Stale);

        Assert.Equal(10, stats.Count("subdistricts"));
        Assert.Equal(21_000, stats.Count("cameras"));
        await Assertions.Expect(page.Locator("[data-map-stale]")).ToBeHiddenAsync();
        Assert.True(await CanvasHasContentAsync(page), "the map canvas is not blank");
        foreach (var panel in new[] { "look", "pulse", "perception", "alerts", "voice" })
        {
            await Assertions.Expect(page.Locator($"[data-panel='{panel}']")).ToBeVisibleAsync();
        }

        Assert.Equal("connected", await page.Locator("html").GetAttributeAsync("data-twin-connection"));
        await Assertions.Expect(page.Locator("[data-connection-badge]")).ToHaveTextAsync("实时连接正常", new() { UseInnerText = true });
        var scroll = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.scrollHeight]");
        Assert.True(scroll[0] <= width && scroll[1] <= height, $"the wall scrolls: {scroll[0]}×{scroll[1]}");

        await page.WaitForTimeoutAsync(1_500);
        await BrowserFixture.ScreenshotAsync(page, $"wall-{width}x{height}");
        Assert.True(tracked.ConsoleErrors.Count == 0, string.Join(Environment.NewLine, tracked.ConsoleErrors));
    }

    [Fact]
    public async Task A_panel_value_changes_within_a_few_seconds()
    {
        await using var tracked = await browser.NewPageAsAsync(app, Roles.Wall, 1920, 1080);
        var page = tracked.Page;
        await page.GotoAsync("/");
        await page.WaitForInteractiveAsync();
        var panels = page.Locator("[data-panel='pulse'], [data-panel='perception'], [data-panel='alerts'], [data-panel='voice']");
        await Assertions.Expect(panels.First).ToBeVisibleAsync();

        var before = await panels.AllInnerTextsAsync();
        var changed = false;
        for (var i = 0; i < 40 && !changed; i++)
        {
            await page.WaitForTimeoutAsync(250);
            changed = !before.SequenceEqual(await panels.AllInnerTextsAsync());
        }

        Assert.True(changed, "no panel value changed within 10 s");
    }

    [Theory]
    [InlineData(1920, 1080)]
    [InlineData(3840, 2160)]
    public async Task The_wall_speaks_English_when_asked_with_nothing_cut_short_and_the_voice_panel_in_English(int width, int height)
    {
        await using var tracked = await browser.NewPageAsAsync(app, Roles.Wall, width, height);
        var page = tracked.Page;

        await page.GotoAsync("/?lang=en");
        await page.WaitForInteractiveAsync();

        await Assertions.Expect(page.Locator("[data-panel='look'] h2")).ToHaveTextAsync("City look");
        await Assertions.Expect(page.Locator("[data-panel='voice'] h2")).ToHaveTextAsync("City voice");
        await page.WaitForTimeoutAsync(1_500);
        await BrowserFixture.ScreenshotAsync(page, $"wall-en-{width}x{height}");
        var truncated = await TruncatedLabelsAsync(page);
        Assert.True(truncated.Length == 0, $"cut short at {width}×{height}: {string.Join(" | ", truncated)}");

        // The top category and the hotspot 街镇 are named in English (the chips of citizens' own hot words stay Chinese, marked so).
        foreach (var indicator in new[] { "topCategory", "hotspot" })
        {
            var value = await page.Locator($"[data-panel='voice'] [data-indicator='{indicator}'] .number").InnerTextAsync();
            Assert.DoesNotMatch(@"\p{IsCJKUnifiedIdeographs}", value);
        }

        await Assertions.Expect(page.Locator("[data-panel='voice'] ol[lang='zh-CN']")).ToHaveCountAsync(1);

        // The hotspot and the drone panel's header, as shown and with the longest words they can hold
        // (the hotspot is whichever 街镇 leads this run): "Zhenru Town S…" and "flying B…" were cut.
        // The drone panel shows a drone once the simulated fleet is up, seconds after start.
        await Assertions.Expect(page.Locator(".map-area [data-drone-panel]")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        var cut = await page.EvaluateAsync<string[]>(CutWithLongestWords, new { hotspot = LongestSubDistrictName(), mission = LongestMission() });
        Assert.True(cut.Length == 0, $"cut short at {width}×{height}: {string.Join(" | ", cut)}");
    }

    [Theory]
    [InlineData(1920, 1080)]
    [InlineData(3840, 2160)]
    public async Task The_Chinese_wall_cuts_no_label_short(int width, int height)
    {
        await using var tracked = await browser.NewPageAsAsync(app, Roles.Wall, width, height);
        var page = tracked.Page;
        await page.GotoAsync("/?lang=zh");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("[data-panel='look'] h2")).ToHaveTextAsync("城市之貌");
        await page.WaitForTimeoutAsync(1_500);
        await BrowserFixture.ScreenshotAsync(page, $"wall-zh-{width}x{height}");
        var truncated = await TruncatedLabelsAsync(page);
        Assert.True(truncated.Length == 0, $"cut short at {width}×{height}: {string.Join(" | ", truncated)}");
    }

    /// <summary>
    /// The panels' labels, subtitles, change lines and alarm titles whose text is wider than their box
    /// (drawn with an ellipsis), an alarm title held to fewer lines than it needs, or any panel's
    /// change line squeezed (a flex item with overflow hidden shrinks to nothing when the panel is
    /// full: the perception panel's did at both sizes) or pushed below its panel's edge.
    /// </summary>
    private static Task<string[]> TruncatedLabelsAsync(IPage page) => page.EvaluateAsync<string[]>("""
        () => [...document.querySelectorAll('[data-panel] .indicator .label, [data-panel] .change, [data-panel] .subtitle, [data-panel] .ranked-title, .alarm-list .title')]
          .filter(e => e.scrollWidth > e.clientWidth + 1 || (e.matches('.alarm-list .title') && e.scrollHeight > e.clientHeight + 1)
            || (e.matches('[data-panel] .change') && (e.scrollHeight > e.clientHeight + 1 || e.getBoundingClientRect().bottom > e.closest('[data-panel]').getBoundingClientRect().bottom + 1)))
          .map(e => e.textContent.trim())
        """);

    /// <summary>
    /// The hotspot's value and the drone panel's header that are wider than their box, first as shown,
    /// then with the longest 街镇 name and mission words written into their text nodes (Blazor's own
    /// nodes, put back at once, so the page renders on as before).
    /// </summary>
    private const string CutWithLongestWords = """
        ({ hotspot, mission }) => {
          const cut = [];
          const check = (what) => {
            for (const e of document.querySelectorAll("[data-panel] [data-indicator='hotspot'] .value, [data-panel] [data-indicator='hotspot'] .number, .map-area [data-drone-panel] header, .map-area [data-drone-panel] header > span")) {
              if (e.scrollWidth > e.clientWidth + 1) cut.push(`${what}: ${e.textContent.trim()}`);
            }
            const header = document.querySelector('.map-area [data-drone-panel] header');
            for (const part of header?.children ?? []) {
              if (part.getBoundingClientRect().right > header.getBoundingClientRect().right + 1) cut.push(`${what}: ${part.textContent.trim()} beyond the panel`);
            }
          };
          check('shown');
          const swap = [[document.querySelector("[data-indicator='hotspot'] .number")?.firstChild, hotspot],
                        [document.querySelector('.map-area [data-drone-panel] header .state')?.firstChild, mission]]
            .filter(([node]) => node).map(([node, text]) => [node, node.nodeValue, text]);
          for (const [node, , text] of swap) node.nodeValue = text;
          check('longest');
          for (const [node, kept] of swap) node.nodeValue = kept;
          return cut;
        }
        """;

    /// <summary>The longest English 街镇 name in the district's geodata ("Changfeng Xincun Subdistrict").</summary>
    private static string LongestSubDistrictName()
    {
        using var geo = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "wwwroot-assets", "geo", "putuo_subdistricts_osm.geojson")));
        return geo.RootElement.GetProperty("features").EnumerateArray()
            .Select(f => f.GetProperty("properties").GetProperty("name_en").GetString()!)
            .MaxBy(n => n.Length)!;
    }

    /// <summary>The longest English mission line the drone panel can show ("To ticket · on station").</summary>
    private static string LongestMission() =>
        (from kind in Enum.GetValues<Twin.Domain.Drones.MissionKind>()
         from status in Enum.GetValues<Twin.Domain.Drones.MissionStatus>()
         select $"{CommandCenter.Components.Drones.DroneText.Kind(kind, CommandCenter.Localization.Lang.En)} · {CommandCenter.Components.Drones.DroneText.MissionStatusName(status, CommandCenter.Localization.Lang.En)}")
        .MaxBy(m => m.Length)!;

    /// <summary>Samples the map's canvases: a drawn map has many distinct colours, a blank one a handful.</summary>
    private static Task<bool> CanvasHasContentAsync(IPage page) => page.EvaluateAsync<bool>("""
        () => {
          const colours = new Set();
          for (const canvas of document.querySelectorAll('.ol-viewport canvas')) {
            const ctx = canvas.getContext('2d', { willReadFrequently: true });
            if (!ctx || canvas.width === 0) continue;
            const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
            for (let i = 0; i < data.length; i += 4 * 97) {
              if (data[i + 3] > 0) colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
            }
          }
          return colours.size > 20;
        }
        """);
}
