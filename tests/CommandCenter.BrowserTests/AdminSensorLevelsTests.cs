using CommandCenter.Security;
using Microsoft.Playwright;

namespace CommandCenter.BrowserTests;

/// <summary>
/// /admin/sensors in Chromium: an admin finds the simulated noise sensors, is told in Chinese why
/// levels in the wrong order cannot be saved, saves good ones and sees them in the row; the
/// sensor's own levels are put back afterwards, since the collection's app is shared.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AdminSensorLevelsTests(AppServerFixture app, BrowserFixture browser)
{
    [Fact]
    public async Task An_admin_changes_a_noise_sensors_levels_and_is_told_why_wrong_ones_are_refused()
    {
        await using var admin = await browser.NewPageAsAsync(app, Roles.Admin, 1920, 1080);
        var page = admin.Page;
        await page.GotoAsync("/admin/sensors");
        await page.WaitForInteractiveAsync();
        await page.Locator("[data-field='kind']").SelectOptionAsync("Noise");
        await page.Locator("[data-search]").ClickAsync();
        var row = page.Locator("[data-sensor-row]").First;
        await Assertions.Expect(row).ToContainTextAsync("噪声");
        var sensor = (await row.GetAttributeAsync("data-sensor-row"))!;
        row = page.Locator($"[data-sensor-row='{sensor}']");
        var original = await LevelsAsync(row);

        await SetAsync(row, "80", "70", "3");
        await Assertions.Expect(page.Locator("[data-admin-message]")).ToHaveTextAsync("未保存：预警值须低于报警值");

        await SetAsync(row, "68", "78", "2.5", edit: false);
        await Assertions.Expect(page.Locator("[data-admin-message]")).ToHaveTextAsync($"已保存 {sensor} 的阈值，即时生效");
        Assert.Equal(("68", "78", "2.5"), await LevelsAsync(row));
        await BrowserFixture.ScreenshotAsync(page, "admin-sensors-1920x1080");
        Assert.True(admin.ConsoleErrors.Count == 0, string.Join(Environment.NewLine, admin.ConsoleErrors));

        await SetAsync(row, original.Warning, original.Alarm, original.Hysteresis);
        await Assertions.Expect(page.Locator("[data-admin-message]")).ToHaveTextAsync($"已保存 {sensor} 的阈值，即时生效");
        Assert.Equal(original, await LevelsAsync(row));
    }

    private static async Task SetAsync(ILocator row, string warning, string alarm, string hysteresis, bool edit = true)
    {
        if (edit)
        {
            await row.Locator("[data-edit]").ClickAsync();
        }

        await row.Locator("[data-field='warning']").FillAsync(warning);
        await row.Locator("[data-field='alarm']").FillAsync(alarm);
        await row.Locator("[data-field='hysteresis']").FillAsync(hysteresis);
        await row.Locator("[data-save]").ClickAsync();
    }

    private static async Task<(string Warning, string Alarm, string Hysteresis)> LevelsAsync(ILocator row)
    {
        await Assertions.Expect(row.Locator("[data-level='warning']")).ToBeVisibleAsync();
        return (await row.Locator("[data-level='warning']").InnerTextAsync(), await row.Locator("[data-level='alarm']").InnerTextAsync(),
            await row.Locator("[data-level='hysteresis']").InnerTextAsync());
    }
}
