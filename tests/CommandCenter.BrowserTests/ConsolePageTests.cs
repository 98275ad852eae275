using CommandCenter.Security;
using Microsoft.Playwright;

namespace CommandCenter.BrowserTests;

/// <summary>The duty officers' console at a desk screen, in Debian's Chromium.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ConsolePageTests(AppServerFixture app, BrowserFixture browser)
{
    [Fact]
    public async Task An_officer_files_a_discovered_ticket_and_sees_it_filed_with_a_new_timeline_entry()
    {
        await using var tracked = await browser.NewPageAsAsync(app, Roles.Officer, 1920, 1080);
        var page = tracked.Page;
        await page.GotoAsync("/console");
        await page.WaitForInteractiveAsync();

        // The simulator files its own tickets a few seconds after reporting them (60×), so the
        // officer may lose the race for one ticket; the newest discovered ticket is tried, up to five.
        var filed = false;
        for (var attempt = 0; attempt < 5 && !filed; attempt++)
        {
            var row = page.Locator("[data-queue] [data-ticket][data-status='Discovered']").First;
            await row.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
            var id = await row.GetAttributeAsync("data-ticket");

            // The queue re-renders live (newest first), so the row is clicked by its id, not its place.
            await page.Locator($"[data-queue] [data-ticket='{id}']").ClickAsync();
            var view = page.Locator($"[data-ticket-view='{id}']");
            try
            {
                await view.WaitForAsync(new LocatorWaitForOptions { Timeout = 10_000 });
            }
            catch (TimeoutException)
            {
                continue;
            }

            var file = view.Locator("[data-action='File']");
            if (await file.CountAsync() == 0)
            {
                continue;
            }

            await file.ClickAsync();
            var mine = view.Locator("[data-timeline-entry]", new LocatorLocatorOptions { HasText = BrowserAccounts.UserNameFor(Roles.Officer) });
            try
            {
                await mine.WaitForAsync(new LocatorWaitForOptions { Timeout = 5_000 });
            }
            catch (TimeoutException)
            {
                continue;
            }

            await Assertions.Expect(view).ToHaveAttributeAsync("data-status", "Filed");
            await Assertions.Expect(view.Locator("[data-status-label]")).ToHaveTextAsync("立案");
            await Assertions.Expect(mine.Last).ToContainTextAsync("发现 → 立案");
            await Assertions.Expect(view.Locator("[data-action='Dispatch']")).ToBeVisibleAsync();
            filed = true;
        }

        Assert.True(filed, "no discovered ticket could be filed from the console in five attempts");
        await Assertions.Expect(page.Locator("[data-evaluation='subdistrict'] tbody tr").First).ToBeVisibleAsync();
        var scroll = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.scrollHeight]");
        Assert.True(scroll[0] <= 1920 && scroll[1] <= 1080, $"the page scrolls: {scroll[0]}×{scroll[1]}");
        await BrowserFixture.ScreenshotAsync(page, "console-1920x1080");
        Assert.True(tracked.ConsoleErrors.Count == 0, string.Join(Environment.NewLine, tracked.ConsoleErrors));
    }
}
