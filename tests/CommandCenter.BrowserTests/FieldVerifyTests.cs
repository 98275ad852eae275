using Microsoft.Playwright;

namespace CommandCenter.BrowserTests;

/// <summary>
/// A 街镇's 网格员 on a 390×844 phone: a citizen's report in 真如 is among their field tasks as 待核实
/// without anyone dispatching it; they look on site, say what they found and file it (立案).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FieldVerifyTests(AppServerFixture app, BrowserFixture browser)
{
    /// <summary>An action's answer comes after its batch is committed; on a machine shared by several builds that has taken tens of seconds.</summary>
    private static readonly LocatorAssertionsToHaveAttributeOptions Patient = new() { Timeout = 90_000 };

    // 真如镇街道城运分中心's seeded account (appsettings.Development.json; the browser tests run the app in Development).
    private const string GridWorker = "zhenru", GridWorkerPassword = "zhenru-dev-passw0rd";

    [Fact]
    public async Task A_grid_worker_sees_a_reported_case_of_their_area_and_files_it_after_checking_on_site()
    {
        var http = (await browser.NewPageAsync(app.BaseUrl, 800, 600)).Page.APIRequest;
        var id = await Open311Requests.SubmitAsync(http, "street-vending", "真如镇街道", $"浏览器测试{Guid.NewGuid():N}：真如镇街道路口流动摊贩占道经营");

        await using var phone = await browser.NewPageAsync(app.BaseUrl, 390, 844);
        var page = phone.Page;
        await BrowserAccounts.LoginAsync(page, GridWorker, GridWorkerPassword, "/field");
        await page.WaitForInteractiveAsync();
        var task = page.Locator($"[data-task='{id}']");
        await Assertions.Expect(task).ToHaveAttributeAsync("data-status", "Discovered", Patient);
        await Assertions.Expect(task.Locator(".status")).ToHaveTextAsync("待核实");

        await task.ClickAsync();
        var ticket = page.Locator($"[data-field-ticket='{id}']");
        await Assertions.Expect(ticket.Locator("[data-field-verify]")).ToBeVisibleAsync();
        await ticket.Locator("[data-action='verify-file']").ClickAsync();
        await Assertions.Expect(ticket.Locator("[data-field-message]")).ToContainTextAsync("请填写现场核实情况");
        await Assertions.Expect(ticket).ToHaveAttributeAsync("data-status", "Discovered");

        await ticket.Locator("[data-field-verify-note] textarea, textarea[data-field-verify-note]").First.FillAsync("现场确有流动摊贩两处占用人行道");
        await BrowserFixture.ScreenshotAsync(page, "field-verify-390x844");
        await ticket.Locator("[data-action='verify-file']").ClickAsync();
        await Assertions.Expect(ticket).ToHaveAttributeAsync("data-status", "Filed", Patient);
        await Assertions.Expect(ticket.Locator("[data-field-message]")).ToContainTextAsync("已立案");
    }
}
