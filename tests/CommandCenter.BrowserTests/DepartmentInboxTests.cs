using System.Text.Json;
using CommandCenter.Security;
using Microsoft.Playwright;

namespace CommandCenter.BrowserTests;

/// <summary>
/// A department works its own inbox in Debian's Chromium at 1920×1080: the centre dispatches a
/// citizen's report of rubbish in the creek by the responsibility list (区水务局); the water
/// department's account sees it, and only what is its own, takes it on (接单), records what its crew
/// did (处置反馈) and submits it for review, never offered the supervisor's 审核.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DepartmentInboxTests(AppServerFixture app, BrowserFixture browser)
{
    private const string WaterDepartment = "dept-district-water-authority";

    /// <summary>A step's answer comes after its batch is committed, behind the simulator's work at 60× on a loaded machine.</summary>
    private static readonly LocatorAssertionsToHaveAttributeOptions Committed = new() { Timeout = 60_000 };

    [Fact]
    public async Task The_water_departments_account_accepts_records_and_submits_a_case_dispatched_to_it()
    {
        var marker = Guid.NewGuid().ToString("N")[..6];
        await using var centre = await browser.NewPageAsAsync(app, Roles.Officer, 1920, 1080);
        var id = await Open311Requests.SubmitAsync(centre.Page.APIRequest, "creek-debris", "长寿路街道", $"河面{marker}：苏州河长寿路桥下漂着一片塑料垃圾");
        var elsewhere = await Open311Requests.SubmitAsync(centre.Page.APIRequest, "street-light", "长寿路街道", $"路灯{marker}：小区门口路灯不亮");

        // The centre files it and dispatches it by the responsibility list: creek debris is 区水务局's.
        var desk = await OpenAsync(centre.Page, id);
        await desk.Locator("[data-action='File']").ClickAsync();
        await Assertions.Expect(desk).ToHaveAttributeAsync("data-status", "Filed", Committed);
        await desk.Locator("[data-action='Dispatch']").ClickAsync();
        await Assertions.Expect(desk).ToHaveAttributeAsync("data-status", "Dispatched", Committed);
        await Assertions.Expect(desk.Locator("[data-details] [data-department]")).ToHaveTextAsync("区水务局");

        await using var water = await browser.NewPageAsMemberAsync(app, "browser-water", Roles.Officer, WaterDepartment, 1920, 1080);
        var page = water.Page;
        await page.GotoAsync("/console");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("[data-organisation]")).ToHaveAttributeAsync("data-organisation", WaterDepartment);
        await Assertions.Expect(page.Locator("[data-new-case-open]")).ToHaveCountAsync(0);

        // Its search and its queue hold its own case, not the street light nobody sent it.
        Assert.Equal([id], await SearchIdsAsync(page, marker));
        Assert.Equal(new[] { id, elsewhere }.Order(), (await SearchIdsAsync(centre.Page, marker)).Order());
        var view = await OpenAsync(page, id);
        await page.Locator("[data-filter='text'] input").FillAsync(elsewhere);
        await Assertions.Expect(page.Locator("[data-queue]")).ToHaveAttributeAsync("data-count", "0");
        await page.Locator("[data-filter='text'] input").FillAsync(id);

        // A dispatched case offers the department's own steps only: 接单 or 退单.
        Assert.Equal(["Accept", "Refuse"], (await ActionsAsync(view)).Order());
        await view.Locator("[data-action='Accept']").ClickAsync();
        await Assertions.Expect(view).ToHaveAttributeAsync("data-status", "Handling", Committed);

        await view.Locator("[data-input='reason'] input").FillAsync("河道保洁船已到场打捞，约半小时清完");
        await view.Locator("[data-action='RecordHandling']").ClickAsync();
        await Assertions.Expect(view.Locator("[data-timeline-entry]").Last).ToContainTextAsync("处置反馈：河道保洁船已到场打捞", new() { Timeout = 60_000 });
        await Assertions.Expect(view).ToHaveAttributeAsync("data-status", "Handling");
        Assert.DoesNotContain("Approve", await ActionsAsync(view));
        Assert.DoesNotContain("Reassign", await ActionsAsync(view));

        await view.Locator("[data-input='reason'] input").FillAsync("垃圾已全部打捞，河面恢复整洁");
        await view.Locator("[data-action='SubmitForReview']").ClickAsync();
        await Assertions.Expect(view).ToHaveAttributeAsync("data-status", "Review", Committed);
        await Assertions.Expect(view.Locator("[data-timeline-entry]").Last).ToContainTextAsync("browser-water");

        // Under review the case waits for the centre's supervisor: the department is offered nothing more.
        await Assertions.Expect(view.Locator("[data-action]")).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(page, "department-inbox-1920x1080");
        var scroll = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.scrollHeight]");
        Assert.True(scroll[0] <= 1920 && scroll[1] <= 1080, $"the page scrolls: {scroll[0]}×{scroll[1]}");
        Assert.True(water.ConsoleErrors.Count == 0, string.Join(Environment.NewLine, water.ConsoleErrors));
    }

    /// <summary>Finds the ticket by its id in the console's queue and opens it.</summary>
    private static async Task<ILocator> OpenAsync(IPage page, string id)
    {
        // An officer's sign-in lands on the console, but only its response has committed: the box
        // typed into before the circuit attaches is replaced, empty, by the interactive one.
        if (!page.Url.Contains("/console", StringComparison.Ordinal))
        {
            await page.GotoAsync("/console");
        }

        await page.WaitForInteractiveAsync();

        // The box owns its text (QueueSearchBox), so the live queue's re-renders cannot swallow the typed id;
        // 30 s is the bound a person would give a loaded desk to filter, and the box's text is printed if it does not.
        var search = page.Locator("[data-filter='text'] input");
        var queue = page.Locator("[data-queue]");
        await search.FillAsync(id);
        try
        {
            await Assertions.Expect(queue).ToHaveAttributeAsync("data-count", "1", new() { Timeout = 30_000 });
        }
        catch (PlaywrightException e)
        {
            throw new Xunit.Sdk.XunitException($"the queue did not filter to {id} in 30 s; the box held '{await search.InputValueAsync()}', the queue counted {await queue.GetAttributeAsync("data-count")}: {e.Message}");
        }

        await page.Locator($"[data-queue] [data-ticket='{id}']").ClickAsync();
        var view = page.Locator($"[data-ticket-view='{id}']");
        await Assertions.Expect(view).ToBeVisibleAsync();
        return view;
    }

    private static async Task<List<string?>> ActionsAsync(ILocator view)
    {
        await view.Locator("[data-actions]").WaitForAsync();
        return [.. await view.Locator("[data-action]").EvaluateAllAsync<string?[]>("buttons => buttons.map(b => b.dataset.action)")];
    }

    /// <summary>The ticket ids <c>/api/search</c> answers the signed-in account for <paramref name="text"/> (the page's own cookie).</summary>
    private static async Task<List<string>> SearchIdsAsync(IPage page, string text)
    {
        var response = await page.APIRequest.GetAsync($"api/search?q={Uri.EscapeDataString(text)}");
        Assert.True(response.Ok, $"search answered {response.Status}: {await response.TextAsync()}");
        using var json = JsonDocument.Parse(await response.TextAsync());
        return [.. json.RootElement.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetString()!)];
    }
}
