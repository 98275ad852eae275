using CommandCenter.Security;
using Microsoft.Playwright;

namespace CommandCenter.BrowserTests;

/// <summary>
/// Keys an officer presses at once, before the server has answered what came just before them, in
/// Debian's Chromium at 1920×1080 while the simulator runs at 60×: D right after a department is
/// picked dispatches to that department, and what is typed right after N lands in the new-case form.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ConsoleKeysAtOnceTests(AppServerFixture app, BrowserFixture browser)
{
    /// <summary>A step's answer comes after its batch is committed, behind the simulator's work at 60× on a shared machine.</summary>
    private static readonly LocatorAssertionsToHaveAttributeOptions Committed = new() { Timeout = 60_000 };

    [Fact]
    public async Task D_pressed_right_after_picking_a_department_dispatches_to_that_department()
    {
        await using var tracked = await browser.NewPageAsAsync(app, Roles.Officer, 1920, 1080);
        var page = tracked.Page;
        var id = await Open311Requests.SubmitAsync(page.APIRequest, "street-light", "长寿路街道", $"按键测试{Guid.NewGuid():N}：小区门口路灯整晚不亮");
        await page.GotoAsync("/console");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("[data-not-ready]")).ToHaveCountAsync(0, new() { Timeout = 30_000 });
        await page.Locator("[data-filter='text'] input").FillAsync(id);
        await Assertions.Expect(page.Locator("[data-queue]")).ToHaveAttributeAsync("data-count", "1", Committed);
        await page.Locator($"[data-queue] [data-ticket='{id}']").ClickAsync();
        var view = page.Locator($"[data-ticket-view='{id}']");
        await Assertions.Expect(view).ToHaveAttributeAsync("data-status", "Discovered", Committed);
        await page.Locator(".console-header .brand").ClickAsync();
        await page.Keyboard.PressAsync("f");
        await Assertions.Expect(view).ToHaveAttributeAsync("data-status", "Filed", Committed);

        // A department off the duty list, so that dispatching by the list would name another.
        await page.Locator(".mud-select").Filter(new() { HasText = "部门（派遣留空按责任清单）" }).First.ClickAsync();
        var choice = page.Locator(".mud-popover-open [data-department-choice][data-fit='Other']").First;
        var chosen = (await choice.InnerTextAsync()).Trim();
        await choice.ClickAsync();

        // The focus off the closing list, and D at once: no wait for the picker to show the choice.
        await page.Locator(".console-header .brand").ClickAsync();
        await page.Keyboard.PressAsync("d");

        await Assertions.Expect(view).ToHaveAttributeAsync("data-status", "Dispatched", Committed);
        await Assertions.Expect(view.Locator("[data-details] [data-department]")).ToHaveTextAsync(chosen);
        Assert.True(tracked.ConsoleErrors.Count == 0, string.Join(Environment.NewLine, tracked.ConsoleErrors));
    }

    [Fact]
    public async Task Keys_typed_right_after_N_land_in_the_new_case_form()
    {
        await using var tracked = await browser.NewPageAsAsync(app, Roles.Officer, 1920, 1080);
        var page = tracked.Page;
        await page.GotoAsync("/console");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("[data-new-case-open]")).ToBeEnabledAsync(new() { Timeout = 30_000 });
        await page.Locator(".console-header .brand").ClickAsync();

        // No wait between the keys: the form is not on the page yet when Tab and the letters are typed.
        await page.Keyboard.PressAsync("n");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("street");

        var form = page.Locator("[data-new-case]");
        await Assertions.Expect(form).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        var category = form.Locator("[data-field='category'] input");
        await Assertions.Expect(category).ToHaveValueAsync("street");
        await Assertions.Expect(category).ToBeFocusedAsync();

        // Typing on in the field adds to what was kept, never replaces it.
        await page.Keyboard.TypeAsync(" l");
        await Assertions.Expect(category).ToHaveValueAsync("street l");
        await Assertions.Expect(page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "路灯" })).ToHaveCountAsync(1, new() { Timeout = 15_000 });
        await BrowserFixture.ScreenshotAsync(page, "console-new-case-typed-at-once-1920x1080");
        await page.Keyboard.PressAsync("Escape");
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(form).ToHaveCountAsync(0);
        Assert.True(tracked.ConsoleErrors.Count == 0, string.Join(Environment.NewLine, tracked.ConsoleErrors));
    }
}
