using CommandCenter.Security;
using Microsoft.Playwright;

namespace CommandCenter.BrowserTests;

/// <summary>
/// In Chromium: the sign-out button in the console's and the wall's headers, the sign-in page's
/// messages for an ended session, a leader's read-only drone panel, and the audit view's zh-CN date
/// filter; screenshots at 1920×1080 and 3840×2160.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SessionPageTests(AppServerFixture app, BrowserFixture browser)
{
    [Theory]
    [InlineData(1920, 1080)]
    [InlineData(3840, 2160)]
    public async Task Signing_out_from_the_consoles_header_ends_the_session_and_the_sign_in_page_says_so(int width, int height)
    {
        await using var tracked = await browser.NewPageAsAsync(app, Roles.Officer, width, height);
        var page = tracked.Page;
        // The console loads many resources: room in the timing buffer to see the listener's module among them.
        await page.AddInitScriptAsync("performance.setResourceTimingBufferSize(5000)");
        await page.GotoAsync("/console");
        await page.WaitForInteractiveAsync();
        // The page loads its listener for the officer's input (useractivity.js) under the CSP, without errors.
        // (its name carries a content hash through the import map: useractivity.<hash>.js).
        await page.WaitForFunctionAsync("() => performance.getEntriesByType('resource').some(e => e.name.includes('/assets/js/useractivity.'))",
            null, new PageWaitForFunctionOptions { Timeout = 60_000 });
        await Assertions.Expect(page.Locator(".console-header [data-logout]")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, $"console-signout-{width}x{height}");

        await page.Locator(".console-header [data-logout]").ClickAsync();

        await page.WaitForURLAsync(url => url.Contains("/account/login", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("[data-login-message]")).ToHaveTextAsync("已退出登录。");
        await page.GotoAsync("/console");
        Assert.Contains("/account/login", page.Url);
        Assert.True(tracked.ConsoleErrors.Count == 0, string.Join(Environment.NewLine, tracked.ConsoleErrors));
    }

    [Theory]
    [InlineData(1920, 1080)]
    [InlineData(3840, 2160)]
    public async Task A_person_on_the_wall_gets_a_sign_out_button_and_the_wall_device_none(int width, int height)
    {
        await using var person = await browser.NewPageAsAsync(app, Roles.Leader, width, height);
        await person.Page.GotoAsync("/");
        await person.Page.WaitForInteractiveAsync();
        await Assertions.Expect(person.Page.Locator(".wall-header [data-logout]")).ToBeVisibleAsync();
        // A person's wall is as live as the device's: the map's hub admits every signed-in role.
        await MapModule.WaitForAsync(person.Page, s => s.Connected && s.Count("tickets") > 0 && !s.Stale);
        await BrowserFixture.ScreenshotAsync(person.Page, $"wall-person-signout-{width}x{height}");

        await using var wall = await browser.NewPageAsAsync(app, Roles.Wall, width, height);
        await wall.Page.WaitForInteractiveAsync();
        await Assertions.Expect(wall.Page.Locator(".wall-header")).ToBeVisibleAsync();
        Assert.Equal(0, await wall.Page.Locator("[data-logout]").CountAsync());
    }

    [Theory]
    [InlineData("zh", "30 分钟无操作，已自动退出，请重新登录。")]
    [InlineData("en", "Signed out after 30 minutes without activity. Please sign in again.")]
    public async Task The_sign_in_page_says_a_session_idled_out(string lang, string message)
    {
        foreach (var (width, height) in new[] { (1920, 1080), (3840, 2160) })
        {
            await using var tracked = await browser.NewPageAsync(app.BaseUrl, width, height);
            await tracked.Page.GotoAsync($"/account/login?returnUrl=%2Fconsole&error=idle{(lang == "en" ? "&lang=en" : "")}");
            await Assertions.Expect(tracked.Page.Locator("[data-login-message]")).ToHaveTextAsync(message);
            await BrowserFixture.ScreenshotAsync(tracked.Page, $"login-idle-{lang}-{width}x{height}");
        }
    }

    [Theory]
    [InlineData(1920, 1080)]
    [InlineData(3840, 2160)]
    public async Task A_leader_watches_the_drones_and_the_cases_without_the_buttons_to_act(int width, int height)
    {
        await using var tracked = await browser.NewPageAsAsync(app, Roles.Leader, width, height);
        var page = tracked.Page;
        await page.GotoAsync("/console");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("[data-drone-read-only]")).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 60_000 });
        Assert.Equal(0, await page.Locator("[data-drone-action]").CountAsync());

        // The same desk for the cases: a leader opens one and is offered nothing to do on it. The
        // live queue re-renders under the pointer at 60×, so it is narrowed to that one ticket first.
        var row = page.Locator("[data-queue] [data-ticket]").First;
        await Assertions.Expect(row).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 60_000 });
        var id = await row.GetAttributeAsync("data-ticket");
        await page.Locator("[data-filter='text'] input").FillAsync(id!);
        await Assertions.Expect(page.Locator("[data-queue]")).ToHaveAttributeAsync("data-count", "1");
        await page.Locator($"[data-queue] [data-ticket='{id}']").ClickAsync();
        await page.Locator($"[data-ticket-view='{id}']").WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("[data-actions-read-only]")).ToBeVisibleAsync();
        Assert.Equal(0, await page.Locator("[data-actions]").CountAsync());
        Assert.Equal(0, await page.Locator("[data-ack]").CountAsync());
        await BrowserFixture.ScreenshotAsync(page, $"console-leader-{width}x{height}");
    }

    [Theory]
    [InlineData(1920, 1080)]
    [InlineData(3840, 2160)]
    public async Task The_audit_views_date_filter_is_a_zh_CN_picker_in_yyyy_MM_dd(int width, int height)
    {
        await using var admin = await browser.NewPageAsAsync(app, Roles.Admin, width, height);
        var page = admin.Page;
        await page.GotoAsync("/admin/audit");
        await page.WaitForInteractiveAsync();
        var from = page.Locator("[data-field='from'] input");
        Assert.Equal("yyyy-MM-dd", await from.GetAttributeAsync("placeholder"));

        await page.Locator("[data-field='from'] .mud-input-adornment button").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-picker-calendar-header, .mud-picker-popover-paper").First).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 30_000 });
        await BrowserFixture.ScreenshotAsync(page, $"admin-audit-datepicker-{width}x{height}");
        Assert.True(admin.ConsoleErrors.Count == 0, string.Join(Environment.NewLine, admin.ConsoleErrors));
    }
}
