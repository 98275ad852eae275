using CommandCenter.Security;
using Microsoft.Playwright;

namespace CommandCenter.BrowserTests;

/// <summary>The console in English once asked, remembered when the officer comes back without ?lang, and live updates keep it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ConsoleLanguageTests(AppServerFixture app, BrowserFixture browser)
{
    [Fact]
    public async Task The_console_stays_in_the_chosen_language_across_reloads_and_live_updates()
    {
        await using var tracked = await browser.NewPageAsAsync(app, Roles.Officer, 1920, 1080);
        var page = tracked.Page;

        await page.GotoAsync("/console");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        await Assertions.Expect(page.Locator(".console .brand")).ToHaveTextAsync("一口派单 · 值班台");
        await Assertions.Expect(page.Locator("[data-priority-cell]").First).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "console-zh-1920x1080");

        await page.GotoAsync("/console?lang=en");
        await page.WaitForInteractiveAsync();
        await page.GotoAsync("/console");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Assertions.Expect(page.Locator(".console .brand")).ToHaveTextAsync("One-stop dispatch · Duty desk");

        // The simulator's snapshots re-render the page from another thread: still English after them.
        var version = await page.Locator("[data-console]").GetAttributeAsync("data-version");
        await Assertions.Expect(page.Locator("[data-console]")).Not.ToHaveAttributeAsync("data-version", version!, new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("[data-console]")).ToHaveAttributeAsync("lang", "en");
        await Assertions.Expect(page.Locator(".console .brand")).ToHaveTextAsync("One-stop dispatch · Duty desk");
        await Assertions.Expect(page.Locator("[data-priority-cell]").First).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "console-en-1920x1080");

        // "Normal" and "Urgent" are read whole, not as "Nor…".
        var clipped = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('[data-priority-cell]')].filter(td => td.scrollWidth > td.clientWidth).map(td => td.textContent.trim())");
        Assert.Empty(clipped);
    }
}
