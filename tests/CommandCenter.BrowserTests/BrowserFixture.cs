using Microsoft.Playwright;

namespace CommandCenter.BrowserTests;

/// <summary>One headless Debian Chromium for the test collection, driven through Playwright.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    // Playwright cannot download its own browser here; Debian's chromium is installed by .ci/run.
    private const string ChromiumPath = "/usr/bin/chromium";

    // The background-networking flags keep Chromium from dialling Google's hosts, which the
    // closed network refuses; --no-sandbox because CI runs as root.
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    private IBrowser Browser => _browser ?? throw new InvalidOperationException("BrowserFixture is not initialised.");

    public async Task InitializeAsync()
    {
        // Speed is the benches' (bench/); an expectation here waits for behaviour. Playwright's 5 s default
        // was outrun by a round trip to the app in clean-clone runs at load 7, beside the other suites.
        Assertions.SetDefaultExpectTimeout(20_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }

    /// <summary>
    /// A page in a fresh browser context (no shared cookies or storage) with a CSS viewport of
    /// <paramref name="width"/>×<paramref name="height"/> at device scale 1, so screenshots have
    /// exactly that many pixels. Dispose it to close the context.
    /// </summary>
    public async Task<TrackedPage> NewPageAsync(Uri baseUrl, int width, int height)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            DeviceScaleFactor = 1,
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
        });
        var page = await context.NewPageAsync();
        return new TrackedPage(context, page);
    }

    /// <summary>Saves the viewport as <c>&lt;repo&gt;/artifacts/screenshots/&lt;name&gt;.png</c> and returns the path.</summary>
    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        var path = Path.Combine(RepoPaths.Artifacts("screenshots"), $"{name}.png");
        // A 3840×2160 page waits for its CJK fonts; on a machine shared by several builds that passed 30 s.
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, Type = ScreenshotType.Png, Timeout = 90_000 });
        return path;
    }
}
