using Microsoft.Playwright;

namespace Twin.LoadTest.Hosting;

/// <summary>Debian's headless Chromium, launched as the browser tests launch it, and pages signed in as the wall.</summary>
public static class BenchChromium
{
    // No browser download here, and no calls home on a closed network.
    private static readonly string[] Args =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = "/usr/bin/chromium",
        Headless = true,
        Args = Args,
    });

    /// <summary>A fresh browser context (cold cache) signed in as the wall through its pairing link.</summary>
    public static async Task<IBrowserContext> NewWallContextAsync(IBrowser browser, TwinServer server, int width, int height)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.BaseUrl.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
        });
        var paired = await context.APIRequest.GetAsync(server.PairUrl.ToString(), new() { MaxRedirects = 0 });
        if (paired.Status != 302)
        {
            throw new InvalidOperationException($"Wall pairing answered {paired.Status}.");
        }

        return context;
    }
}
