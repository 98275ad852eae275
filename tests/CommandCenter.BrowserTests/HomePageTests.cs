namespace CommandCenter.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class HomePageTests(AppServerFixture app, BrowserFixture browser)
{
    [Theory]
    [InlineData(1920, 1080)]
    [InlineData(3840, 2160)]
    public async Task Home_page_becomes_interactive_without_console_errors(int width, int height)
    {
        await using var tracked = await browser.NewPageAsync(app.BaseUrl, width, height);
        var page = tracked.Page;

        var response = await page.GotoAsync("/");
        Assert.NotNull(response);
        Assert.True(response.Ok, $"GET / answered {response.Status}");

        await page.WaitForInteractiveAsync();
        Assert.Equal("普陀区城市运行数字孪生", await page.Locator("h1").InnerTextAsync());

        await BrowserFixture.ScreenshotAsync(page, $"home-{width}x{height}");
        var errors = tracked.ConsoleErrors;
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }
}
