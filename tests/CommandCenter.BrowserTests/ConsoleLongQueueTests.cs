using System.Globalization;
using System.Text.Json;
using CommandCenter.Security;
using Microsoft.Playwright;

namespace CommandCenter.BrowserTests;

/// <summary>
/// A long queue (more cases than the console renders whole, so virtualised) scrolled from top to
/// bottom in Chromium at 1920×1080: every row on screen has its text (a full run once showed mostly
/// blank rows, rows of two lines and inline explanation rows having put Virtualize's rows out of
/// place), every row is one height, and a click on a row far down opens that case.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ConsoleLongQueueTests(AppServerFixture app, BrowserFixture browser)
{
    /// <summary>Cases reported for the test: past the 200 the queue renders whole, whatever the simulator adds.</summary>
    private const int Reported = 230;

    [Fact]
    public async Task Scrolling_a_long_virtualised_queue_shows_text_in_every_row_and_a_click_opens_the_case()
    {
        await using var tracked = await browser.NewPageAsAsync(app, Roles.Officer, 1920, 1080);
        var page = tracked.Page;
        await ReportAcrossTheDistrictAsync(page.APIRequest);

        await page.GotoAsync("/console");
        await page.WaitForInteractiveAsync();
        // The first render waits for the twin's picture of the new cases, behind the simulator at 60×.
        await Assertions.Expect(page.Locator("[data-queue] [data-virtualised='true']")).ToHaveCountAsync(1, new() { Timeout = 30_000 });

        var container = page.Locator("[data-queue] .mud-table-container");
        var scrollHeight = await container.EvaluateAsync<double>("e => e.scrollHeight");
        var clientHeight = await container.EvaluateAsync<double>("e => e.clientHeight");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var top = 0.0; top <= scrollHeight; top += clientHeight * 0.8)
        {
            await container.EvaluateAsync("(e, y) => { e.scrollTop = y; }", top);
            var rows = await SettledRowsAsync(page, container);
            Assert.True(rows.Count > 5, $"at scrollTop {top} only {rows.Count} rows are on screen");
            var blank = rows.Where(r => string.IsNullOrWhiteSpace(r.Text)).ToList();
            Assert.True(blank.Count == 0, $"at scrollTop {top}, {blank.Count} of {rows.Count} rows on screen are blank");
            var heights = rows.Select(r => Math.Round(r.Height)).Distinct().ToList();
            Assert.True(heights.Count == 1, $"at scrollTop {top} rows are of heights {string.Join(", ", heights)}");
            seen.UnionWith(rows.Select(r => r.Id));
        }

        // Past the rows a short queue renders whole; at 60× simulated staff may have closed a few of the reports meanwhile.
        Assert.True(seen.Count > CommandCenter.Components.Console.TicketQueue.RenderedWhole, $"scrolling through showed {seen.Count} cases");
        await BrowserFixture.ScreenshotAsync(page, "console-long-queue-bottom-1920x1080");

        // Far down the list, a click opens the case it shows.
        var id = await page.Locator("[data-queue] tbody tr:has([data-ticket])").Last.Locator("[data-ticket]").GetAttributeAsync("data-ticket");
        // Found again by its case at the click: the live queue may have re-rendered that last row with another case meanwhile.
        await page.Locator($"[data-queue] tbody tr:has([data-ticket='{id}'])").ClickAsync();
        await Assertions.Expect(page.Locator("[data-ticket-view]")).ToHaveAttributeAsync("data-ticket-view", id!, new() { Timeout = 15_000 });
    }

    /// <summary>
    /// The rows inside the scrolled container's view, read once two reads 300 ms apart agree (the
    /// virtualised table fills its rows in after a scroll; at 60× new cases also arrive meanwhile).
    /// </summary>
    private static async Task<List<(string Id, string Text, double Height)>> SettledRowsAsync(IPage page, ILocator container)
    {
        const string read = """
            e => {
              const view = e.getBoundingClientRect();
              const head = e.querySelector('thead')?.getBoundingClientRect().height ?? 0;
              return [...e.querySelectorAll('tbody tr.mud-table-row')]
                .map(r => ({ r, box: r.getBoundingClientRect() }))
                .filter(x => x.box.height > 0 && x.box.top >= view.top + head && x.box.bottom <= view.bottom)
                .map(x => ({ id: x.r.querySelector('[data-ticket]')?.getAttribute('data-ticket') ?? '', text: x.r.innerText.trim(), height: x.box.height }));
            }
            """;
        var previous = string.Empty;
        JsonElement rows = default;
        for (var attempt = 0; attempt < 10; attempt++)
        {
            await page.WaitForTimeoutAsync(300);
            rows = await container.EvaluateAsync<JsonElement>(read);
            var now = rows.GetRawText();
            if (now == previous)
            {
                break;
            }

            previous = now;
        }

        return rows.EnumerateArray()
            .Select(r => (r.GetProperty("id").GetString()!, r.GetProperty("text").GetString()!, r.GetProperty("height").GetDouble()))
            .ToList();
    }

    /// <summary>
    /// Reports on a grid of points about 143 m apart across the middle of the district, the category
    /// chosen so that two reports of one category are more than the duplicate radius (300 m) apart:
    /// none is a duplicate of another, and each stays an open case in the queue.
    /// </summary>
    private static async Task ReportAcrossTheDistrictAsync(IAPIRequestContext http)
    {
        string[] categories = ["street-light", "noise", "garbage-sorting", "illegal-parking", "waterlogging"];
        var marker = Guid.NewGuid().ToString("N")[..6];
        var accepted = 0;
        var refusals = new List<string>();
        for (var i = 0; accepted < Reported && i < Reported * 2; i++)
        {
            var form = http.CreateFormData();
            form.Set("api_key", Open311Requests.DevelopmentKey);
            var (column, row) = (i % 20, i / 20);
            var category = categories[(column + 2 * row) % categories.Length];
            form.Set("service_code", category);
            form.Set("lat", (31.245 + 0.0013 * row).ToString("0.000000", CultureInfo.InvariantCulture));
            form.Set("long", (121.390 + 0.0015 * column).ToString("0.000000", CultureInfo.InvariantCulture));
            form.Set("description", $"长队列{marker}第{i}号：{category}");
            var response = await http.PostAsync("open311/v2/requests.json", new APIRequestContextOptions { Form = form });
            if (response.Status == 201)
            {
                accepted++;
            }
            else if (refusals.Count < 3)
            {
                refusals.Add($"{response.Status}: {await response.TextAsync()}");
            }
        }

        Assert.True(accepted == Reported, $"{accepted} of {Reported} reports accepted; refusals: {string.Join(" | ", refusals)}");
    }
}
