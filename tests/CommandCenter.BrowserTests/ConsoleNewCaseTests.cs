using CommandCenter.Security;
using Microsoft.Playwright;

namespace CommandCenter.BrowserTests;

/// <summary>
/// 新建工单 by keyboard alone in Debian's Chromium at 1920×1080, while the simulator runs at 60×: a
/// phone call is filed and opens; a second call about the same thing is offered as its duplicate
/// while it is typed, with the detector's reasons, and opens once filed.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ConsoleNewCaseTests(AppServerFixture app, BrowserFixture browser)
{
    /// <summary>A filing's answer comes after its batch is committed, behind the simulator's readings at 60×.</summary>
    private static readonly LocatorAssertionsToHaveAttributeOptions Patient = new() { Timeout = 90_000 };

    [Fact]
    public async Task A_phone_call_is_filed_by_keyboard_and_a_second_call_about_it_is_offered_as_its_duplicate()
    {
        await using var tracked = await browser.NewPageAsAsync(app, Roles.Officer, 1920, 1080);
        var page = tracked.Page;
        await page.GotoAsync("/console");
        await page.WaitForInteractiveAsync();
        var marker = Guid.NewGuid().ToString("N")[..6];

        var first = await FileByKeyboardAsync(page, $"苏州河步道旁工地夜间施工噪声扰民，{marker}号楼居民无法休息");
        await Assertions.Expect(page.Locator("[data-new-case]")).ToHaveCountAsync(0);
        var view = page.Locator("[data-ticket-view]");
        await Assertions.Expect(view).ToHaveAttributeAsync("data-ticket-view", first, Patient);
        await Assertions.Expect(view.Locator("[data-reporter]")).Not.ToContainTextAsync("13912345678");

        var second = await FileByKeyboardAsync(page, $"苏州河步道旁工地夜间施工噪声很大，{marker}号楼居民投诉", expectDuplicateOf: first);
        await Assertions.Expect(view).ToHaveAttributeAsync("data-ticket-view", second, Patient);
        Assert.NotEqual(first, second);
        Assert.True(tracked.ConsoleErrors.Count == 0, string.Join(Environment.NewLine, tracked.ConsoleErrors));
    }

    [Fact]
    public async Task In_English_the_form_names_its_fields_and_says_what_is_missing()
    {
        await using var tracked = await browser.NewPageAsAsync(app, Roles.Officer, 1920, 1080);
        var page = tracked.Page;
        await page.GotoAsync("/console?lang=en");
        await page.WaitForInteractiveAsync();
        var form = await page.OpenNewCaseFormAsync();
        // Tabs before the form has taken the focus walk the page's header links instead.
        await Assertions.Expect(form.Locator("[data-field='channel']")).ToBeFocusedAsync();

        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(form.Locator("[data-problem='category']")).ToHaveTextAsync("Choose a category.");
        await Assertions.Expect(form.Locator("[data-problem='place']")).ToHaveTextAsync("Choose a sub-district or neighbourhood.");
        await Assertions.Expect(form.Locator("[data-problem='description']")).ToHaveTextAsync("Write what the caller reports.");
        await Assertions.Expect(form.Locator("[data-field='channel']")).ToContainTextAsync("Phone call");
        await form.Locator("h3").ClickAsync();
        await BrowserFixture.ScreenshotAsync(page, "console-new-case-en-1920x1080");

        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(form).ToHaveCountAsync(0);
    }

    /// <summary>N, then Tab from field to field, choosing from the pickers by typing, and Enter to file; answers the new case's id.</summary>
    private static async Task<string> FileByKeyboardAsync(IPage page, string description, string? expectDuplicateOf = null)
    {
        var form = await page.OpenNewCaseFormAsync();
        await Assertions.Expect(form.Locator("[data-field='channel']")).ToBeFocusedAsync();
        await Assertions.Expect(form.Locator("[data-field='channel']")).ToHaveValueAsync("DeskCall");

        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("噪声");
        await Assertions.Expect(page.Locator(".mud-popover-open .mud-list-item").First).ToContainTextAsync("噪声扰民");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("长寿路");
        await Assertions.Expect(page.Locator(".mud-popover-open .mud-list-item").First).ToContainTextAsync("长寿路街道");
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(form.Locator("[data-field='address']")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("长寿路某号");
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(form.Locator("[data-field='description']")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(description);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("欧阳测试");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("13912345678");

        if (expectDuplicateOf is not null)
        {
            var suggestion = form.Locator("[data-duplicate-suggestion]");
            await Assertions.Expect(suggestion).ToHaveAttributeAsync("data-duplicate-suggestion", expectDuplicateOf, Patient);
            await Assertions.Expect(suggestion).ToContainTextAsync("同类事项（噪声扰民）");
            await BrowserFixture.ScreenshotAsync(page, "console-new-case-1920x1080");
        }

        var open = page.Locator("[data-ticket-view]");
        var before = await open.CountAsync() > 0 ? await open.GetAttributeAsync("data-ticket-view") : null;
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(form).ToHaveCountAsync(0, new() { Timeout = 90_000 });
        var view = page.Locator(before is null ? "[data-ticket-view^='D-']" : $"[data-ticket-view^='D-']:not([data-ticket-view='{before}'])");

        await Assertions.Expect(view).ToHaveCountAsync(1, new() { Timeout = 90_000 });
        return (await view.GetAttributeAsync("data-ticket-view"))!;
    }
}
