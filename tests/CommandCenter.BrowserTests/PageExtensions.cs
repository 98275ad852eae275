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
}
