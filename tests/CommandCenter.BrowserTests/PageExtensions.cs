using Microsoft.Playwright;

namespace CommandCenter.BrowserTests;

public static class PageExtensions
{
    private const float InteractiveTimeoutMs = 60_000;

    /// <summary>
    /// Waits until MainLayout's marker says the Blazor circuit is interactive: before that the page
    /// is prerendered HTML and Blazor Server drops clicks and input.
    /// </summary>
    public static Task WaitForInteractiveAsync(this IPage page) =>
        page.Locator("#interactive-marker[data-interactive=\"true\"]")
            .WaitForAsync(new LocatorWaitForOptions
            {
                // The marker is hidden, so "visible" would never come.
                State = WaitForSelectorState.Attached,
                Timeout = InteractiveTimeoutMs,
            });

    /// <summary>N with the focus off any field, until the console's new-case form is open; the shortcut listener is registered a moment after the page turns interactive.</summary>
    public static async Task<ILocator> OpenNewCaseFormAsync(this IPage page)
    {
        await page.Locator(".console-header .brand").ClickAsync();
        var form = page.Locator("[data-new-case]");
        for (var attempt = 0; attempt < 30 && await form.CountAsync() == 0; attempt++)
        {
            await page.Keyboard.PressAsync("n");
            await page.WaitForTimeoutAsync(500);
        }

        return form;
    }
}
