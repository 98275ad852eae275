using CommandCenter.Security;
using Microsoft.Playwright;

namespace CommandCenter.BrowserTests;

/// <summary>
/// In Chromium: a leader signs in, lands on /briefing, opens the tickets behind a figure (masked,
/// without links to act) and downloads the PDF; screenshots at 1920×1080 and 3840×2160.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class BriefingPageTests(AppServerFixture app, BrowserFixture browser)
{
    [Theory]
    [InlineData(1920, 1080)]
    [InlineData(3840, 2160)]
    public async Task A_leader_lands_on_the_briefing_opens_the_tickets_behind_a_figure_and_downloads_the_pdf(int width, int height)
    {
        await using var tracked = await browser.NewPageAsAsync(app, Roles.Leader, width, height);
        var page = tracked.Page;

        Assert.EndsWith("/briefing", page.Url);
        await page.WaitForInteractiveAsync();
        // Counting a month of the store takes a few seconds on a loaded machine; a leader waits that long for a report.
        await page.Locator("[data-briefing][data-ready]").WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("[data-section='vitals'] h2")).ToContainTextAsync("今日城市体征");
        await Assertions.Expect(page.Locator("[data-vital]")).ToHaveCountAsync(8);
        await Assertions.Expect(page.Locator("[data-chart='subdistricts'] [data-bar]").First).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, $"briefing-leader-{width}x{height}");

        await page.Locator("[data-table='subdistricts'] tr.traceable").First.ClickAsync();
        var trace = page.Locator("[data-trace]");
        await Assertions.Expect(trace).ToBeVisibleAsync();
        await Assertions.Expect(trace.Locator("[data-trace-ticket]").First).ToBeVisibleAsync();
        Assert.Equal(0, await trace.Locator("a[href^='/console/tickets/']").CountAsync());
        Assert.DoesNotMatch(@"(?<![\d.])1[3-9]\d{9}(?!\d)", await trace.InnerTextAsync());
        await BrowserFixture.ScreenshotAsync(page, $"briefing-leader-trace-{width}x{height}");
        await trace.Locator("[data-trace-close]").ClickAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-export='pdf']").ClickAsync(),
            new PageRunAndWaitForDownloadOptions { Timeout = 60_000 });
        var file = Path.Combine(RepoPaths.Artifacts("briefing"), $"browser-download-{width}x{height}.pdf");
        await download.SaveAsAsync(file);
        var head = new byte[5];
        await using (var stream = File.OpenRead(file))
        {
            await stream.ReadExactlyAsync(head);
        }

        Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(head));
        Assert.True(tracked.ConsoleErrors.Count == 0, string.Join(Environment.NewLine, tracked.ConsoleErrors));
    }
}
