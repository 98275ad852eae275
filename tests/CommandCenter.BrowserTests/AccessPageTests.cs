using CommandCenter.Security;
using Microsoft.Playwright;

namespace CommandCenter.BrowserTests;

/// <summary>Signing in and out in Chromium: the login page, the admin pages, and a live page ending when its session ends.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessPageTests(AppServerFixture app, BrowserFixture browser)
{
    [Theory]
    [InlineData(1920, 1080)]
    [InlineData(3840, 2160)]
    public async Task The_login_page_renders_in_Chinese_without_console_errors(int width, int height)
    {
        await using var tracked = await browser.NewPageAsync(app.BaseUrl, width, height);
        var page = tracked.Page;

        await page.GotoAsync("/console");

        Assert.Contains("/account/login", page.Url);
        await Assertions.Expect(page.Locator("[data-login-form] h1")).ToHaveTextAsync("普陀区城市运行数字孪生");
        await BrowserFixture.ScreenshotAsync(page, $"login-{width}x{height}");
        Assert.True(tracked.ConsoleErrors.Count == 0, string.Join(Environment.NewLine, tracked.ConsoleErrors));
    }

    [Fact]
    public async Task Logging_out_in_one_tab_sends_the_live_console_in_another_back_to_the_login_page()
    {
        await using var tracked = await browser.NewPageAsAsync(app, Roles.Officer, 1920, 1080);
        var console = tracked.Page;
        await console.GotoAsync("/console");
        await console.WaitForInteractiveAsync();

        var other = await console.Context.NewPageAsync();
        // Sign-out refuses a post from another site: like the menu's form, this one comes from the app's own origin.
        var logout = await other.APIRequest.PostAsync($"{app.BaseUrl}account/logout", new APIRequestContextOptions
        {
            MaxRedirects = 0,
            Headers = new Dictionary<string, string> { ["Origin"] = app.BaseUrl.GetLeftPart(UriPartial.Authority) },
        });
        Assert.Equal(302, logout.Status);

        // Longer than one session revalidation (Twin:Security:RevalidateSeconds, 30 s), which ends the circuit if its sign-out notice came too late: a clean-clone run at load 7 waited 15 s in vain.
        await console.WaitForURLAsync(url => url.Contains("/account/login", StringComparison.Ordinal), new PageWaitForURLOptions { Timeout = 45_000 });
        Assert.Contains("returnUrl=%2Fconsole", console.Url);
    }

    [Theory]
    [InlineData(1920, 1080)]
    [InlineData(3840, 2160)]
    public async Task An_admin_creates_an_officer_who_must_change_the_one_time_password_then_reaches_the_console(int width, int height)
    {
        await using var admin = await browser.NewPageAsAsync(app, Roles.Admin, width, height);
        var page = admin.Page;
        await page.GotoAsync("/admin/users");
        await page.WaitForInteractiveAsync();
        var userName = $"officer-{width}";
        await page.Locator("[data-field='newUserName']").FillAsync(userName);
        await page.Locator("[data-field='newDisplayName']").FillAsync("王值班");
        await page.Locator("[data-create]").ClickAsync();
        var secret = page.Locator("[data-one-time-secret]");
        await secret.WaitForAsync();
        var password = await secret.GetAttributeAsync("data-one-time-secret");
        await Assertions.Expect(page.Locator($"[data-user-row='{userName}']")).ToContainTextAsync("待改密");
        await BrowserFixture.ScreenshotAsync(page, $"admin-users-{width}x{height}");

        await page.GotoAsync("/admin/audit");
        await page.WaitForInteractiveAsync();
        await page.Locator("[data-verify]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-verification]")).ToHaveAttributeAsync("data-verification", "intact");
        await Assertions.Expect(page.Locator("[data-audit-row='account.create']").First).ToContainTextAsync(userName);
        await BrowserFixture.ScreenshotAsync(page, $"admin-audit-{width}x{height}");
        Assert.True(admin.ConsoleErrors.Count == 0, string.Join(Environment.NewLine, admin.ConsoleErrors));

        await using var officer = await browser.NewPageAsync(app.BaseUrl, width, height);
        await BrowserAccounts.LoginAsync(officer.Page, userName, password!, "/console");
        Assert.Contains("/account/password", officer.Page.Url);
        await officer.Page.Locator("[data-field='current']").FillAsync(password!);
        await officer.Page.Locator("[data-field='next']").FillAsync("a-new-officer-passw0rd");
        await officer.Page.Locator("[data-field='confirm']").FillAsync("a-new-officer-passw0rd");
        await officer.Page.Locator("[data-submit]").ClickAsync();
        await officer.Page.WaitForURLAsync(url => url.EndsWith("/console", StringComparison.Ordinal));
        await officer.Page.WaitForInteractiveAsync();
        Assert.True(officer.ConsoleErrors.Count == 0, string.Join(Environment.NewLine, officer.ConsoleErrors));
    }
}
