using CommandCenter.Security;
using Microsoft.Playwright;

namespace CommandCenter.BrowserTests;

/// <summary>
/// Issue 20: on /admin/users in Chromium an admin moves an account to a 街镇 and a wall to a
/// department, and sees both in their rows after a reload; an organisation the page did not offer
/// (a select edited in the browser) is refused in words, and the account keeps its organisation.
/// The accounts and wall are this test's own, since the collection's app is shared.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AdminOrganisationTests(AppServerFixture app, BrowserFixture browser)
{
    private const string Account = "browser-org-move";

    /// <summary>An admin's change is answered once its audited write commits, behind the simulator's batches at 60× on a loaded machine.</summary>
    private static readonly LocatorAssertionsToHaveTextOptions Committed = new() { Timeout = 60_000 };

    [Fact]
    public async Task An_admin_sets_an_accounts_and_a_walls_organisation_and_an_unknown_one_is_refused()
    {
        await BrowserAccounts.EnsureAccountAsync(app, Account, Roles.Officer);
        await using var admin = await browser.NewPageAsAsync(app, Roles.Admin, 1920, 1080);
        var page = admin.Page;
        await page.GotoAsync("/admin/users");
        await page.WaitForInteractiveAsync();
        var message = page.Locator("[data-admin-message]");

        var account = page.Locator($"[data-user-row='{Account}'] [data-organisation-select]");
        await Assertions.Expect(account).ToHaveValueAsync("centre");
        await account.SelectOptionAsync("sd-310107022000");
        await Assertions.Expect(message).ToHaveTextAsync($"{Account} 已归属 真如镇街道，须重新登录", Committed);

        // A value no option offers, as a hand-edited page would send it.
        await account.EvaluateAsync("s => { const o = document.createElement('option'); o.value = 'sd-999'; s.appendChild(o); }");
        await account.SelectOptionAsync("sd-999");
        await Assertions.Expect(message).ToHaveTextAsync("未知组织");
        await Assertions.Expect(message).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("error"));
        await Assertions.Expect(page.Locator($"[data-user-row='{Account}'] [data-organisation-select]")).ToHaveValueAsync("sd-310107022000");

        var wallName = "水务大屏-" + Guid.NewGuid().ToString("N")[..6];
        await page.Locator("[data-field='wallName']").FillAsync(wallName);
        await page.Locator("[data-field='wallOrganisation']").SelectOptionAsync("sd-310107014000");
        await page.Locator("[data-issue]").ClickAsync();
        await Assertions.Expect(message).ToHaveTextAsync("已签发", Committed);
        var wall = page.Locator($"[data-wall-row='{wallName}'] [data-organisation-select]");
        await Assertions.Expect(wall).ToHaveValueAsync("sd-310107014000");
        await wall.SelectOptionAsync("dept-district-water-authority");
        await Assertions.Expect(message).ToHaveTextAsync($"{wallName} 已归属 区水务局，大屏即时切换到其范围", Committed);
        await BrowserFixture.ScreenshotAsync(page, "admin-organisations-1920x1080");

        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator($"[data-user-row='{Account}'] [data-organisation-select]")).ToHaveValueAsync("sd-310107022000");
        await Assertions.Expect(page.Locator($"[data-wall-row='{wallName}'] [data-organisation-select]")).ToHaveValueAsync("dept-district-water-authority");
        Assert.True(admin.ConsoleErrors.Count == 0, string.Join(Environment.NewLine, admin.ConsoleErrors));
    }
}
