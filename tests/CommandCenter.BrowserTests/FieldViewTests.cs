using System.Text.Json;
using CommandCenter.Field;
using CommandCenter.Tests.Field;
using Microsoft.Playwright;

namespace CommandCenter.BrowserTests;

/// <summary>
/// 一线通达 end to end in Debian's Chromium: the centre dispatches a creek case to 区水务局; the water
/// department's crew, on a 390×844 phone, finds it among their tasks, sees its place on the small
/// map, accepts it, photographs the scene and submits for review without signal (the report waits on
/// the phone, "1 条待发送"), then over a connection that drops the first answer (the retry carries the
/// same key and stores nothing twice); the centre's supervisor
/// reviews the report and closes the case. Screenshots at phone size and 1920×1080.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FieldViewTests(AppServerFixture app, BrowserFixture browser)
{
    /// <summary>
    /// An action's answer comes after its batch is committed, and at 60× the simulator's readings
    /// queue ahead of it; on a machine shared by several builds that has taken tens of seconds.
    /// </summary>
    private static readonly LocatorAssertionsToHaveAttributeOptions Patient = new() { Timeout = 90_000 };

    private static readonly LocatorAssertionsToBeVisibleOptions PatientVisible = new() { Timeout = 90_000 };

    // The seeded accounts of appsettings.Development.json (the browser tests run the app in Development).
    private const string Crew = "water-hedao", CrewPassword = "water-dev-passw0rd";
    private const string Supervisor = "centre-supervisor", SupervisorPassword = "supervisor-dev-passw0rd";

    [Fact]
    public async Task A_department_crew_handles_a_dispatched_case_on_a_phone_and_the_centre_closes_it()
    {
        var http = (await browser.NewPageAsync(app.BaseUrl, 800, 600)).Page.APIRequest;
        var id = await Open311Requests.SubmitAsync(http, "creek-debris", "长寿路街道", $"浏览器测试{Guid.NewGuid():N}：苏州河长寿路段河面大片漂浮垃圾");

        // The centre files and dispatches it by the duty list: 区水务局.
        await using var desk = await browser.NewPageAsync(app.BaseUrl, 1920, 1080);
        await BrowserAccounts.LoginAsync(desk.Page, Supervisor, SupervisorPassword, "/console");
        var view = await OpenInConsoleAsync(desk.Page, id);
        await view.Locator("[data-input='reason'] input").FillAsync("现场核实属实");
        await view.Locator("[data-action='File']").ClickAsync();
        await Assertions.Expect(view).ToHaveAttributeAsync("data-status", "Filed", Patient);
        await view.Locator(".title").ClickAsync();
        await desk.Page.Keyboard.PressAsync("d");
        await Assertions.Expect(view).ToHaveAttributeAsync("data-status", "Dispatched", Patient);
        await Assertions.Expect(desk.Page.Locator("[data-details] [data-department]")).ToHaveTextAsync("区水务局");

        // The crew's phone: the case is among their tasks.
        await using var phone = await browser.NewPageAsync(app.BaseUrl, 390, 844);
        var page = phone.Page;
        await BrowserAccounts.LoginAsync(page, Crew, CrewPassword, "/field");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("[data-field-org]")).ToHaveTextAsync("区水务局");
        var task = page.Locator($"[data-task='{id}']");
        await Assertions.Expect(task).ToBeVisibleAsync(PatientVisible);
        await Assertions.Expect(task).ToHaveAttributeAsync("data-status", "Dispatched");
        await AssertSortedByDeadlineAsync(page);
        await AssertFitsTheScreenAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "field-tasks-390x844");

        await task.ClickAsync();
        var ticket = page.Locator($"[data-field-ticket='{id}']");
        await Assertions.Expect(ticket).ToHaveAttributeAsync("data-status", "Dispatched", Patient);
        var mapId = await ticket.Locator("[data-ticket-map]").GetAttributeAsync("id");
        await WaitForAsync(
            () => page.EvaluateAsync<JsonElement>("async (id) => (await import('./assets/js/ticketmap.js')).getState(id)", mapId),
            s => s.ValueKind == JsonValueKind.Object && s.GetProperty("ticket").GetString() == id,
            "the small map to show the case");
        Assert.StartsWith("geo:", await ticket.Locator("[data-field-navigate]").GetAttributeAsync("href"));

        await ticket.Locator("[data-action='accept']").ClickAsync();
        await Assertions.Expect(ticket).ToHaveAttributeAsync("data-status", "Handling", Patient);

        await ticket.Locator("[data-field-note] textarea, textarea[data-field-note]").First.FillAsync("已打捞河面漂浮垃圾约两方，河面恢复清洁");
        await ticket.Locator("[data-field-photos]").SetInputFilesAsync(new[]
        {
            new FilePayload
            {
                Name = "scene.jpg",
                MimeType = "image/jpeg",
                Buffer = ExifJpeg.Create(121.4312345, 31.2401234, new DateTime(2026, 12, 5, 14, 30, 15), 1200, 900),
            },
            // A screenshot from a chat: no EXIF, so no place and no time of its own.
            new FilePayload { Name = "chat.png", MimeType = "image/png", Buffer = PlainPng.Create(400, 300) },
        });
        await Assertions.Expect(ticket.Locator("[data-field-chosen] li")).ToHaveCountAsync(2);
        await BrowserFixture.ScreenshotAsync(page, "field-report-390x844");

        // A flaky connection: once back online, the first report reaches the server but its answer is lost on the way back.
        var keys = new List<string>();
        var answers = new List<(int Status, string? Replayed)>();
        await page.RouteAsync("**/api/field/tickets/*/reports", async route =>
        {
            keys.Add(route.Request.Headers["idempotency-key"]);
            var response = await route.FetchAsync();
            answers.Add((response.Status, response.Headers.GetValueOrDefault(FieldEndpoints.ReplayedHeader.ToLowerInvariant())));
            if (keys.Count == 1)
            {
                await route.AbortAsync("connectionreset");
                return;
            }

            await route.FulfillAsync(new RouteFulfillOptions { Response = response });
        });

        // No signal first (a basement): the report waits on the phone, and says so.
        await page.Context.SetOfflineAsync(true);
        await ticket.Locator("[data-action='submit']").ClickAsync();
        var outbox = page.Locator("[data-field-outbox]");
        await Assertions.Expect(outbox).ToBeVisibleAsync();
        await Assertions.Expect(outbox.Locator("[data-outbox-count]")).ToContainTextAsync("1 条待发送");
        await Assertions.Expect(outbox.Locator($"[data-outbox-item='{id}']")).ToContainTextAsync("已打捞河面漂浮垃圾");
        await Assertions.Expect(ticket.Locator("[data-field-report]")).ToBeHiddenAsync();
        await AssertFitsTheScreenAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "field-offline-queued-390x844");
        Assert.Empty(keys);
        await Assertions.Expect(ticket).ToHaveAttributeAsync("data-status", "Handling");

        // Kept in the phone's own storage (IndexedDB, photos included), not in the page: a closed tab or a dropped circuit keeps it.
        var kept = await page.EvaluateAsync<JsonElement>(StoredReportsScript);
        var stored = Assert.Single(kept.EnumerateArray(), r => r.GetProperty("ticketId").GetString() == id);
        Assert.Equal("已打捞河面漂浮垃圾约两方，河面恢复清洁", stored.GetProperty("note").GetString());
        Assert.Equal(2, stored.GetProperty("photos").GetInt32());
        var storedKey = stored.GetProperty("key").GetString();

        // Signal again: it is sent by itself, stored once, and the outbox empties.
        await page.Context.SetOfflineAsync(false);
        await Assertions.Expect(ticket.Locator("[data-field-submitted]")).ToBeVisibleAsync(PatientVisible);
        await Assertions.Expect(ticket).ToHaveAttributeAsync("data-status", "Review", Patient);
        // The first answer was lost, so the outbox empties only after its retry's answer (the report was stored at the first).
        await Assertions.Expect(outbox).ToBeHiddenAsync(new() { Timeout = 90_000 });

        Assert.Equal(2, keys.Count);
        Assert.All(keys, key => Assert.Equal(storedKey, key));
        Assert.DoesNotContain((await page.EvaluateAsync<JsonElement>(StoredReportsScript)).EnumerateArray(), r => r.GetProperty("ticketId").GetString() == id);
        Assert.Equal([(201, null), (200, "true")], answers);
        var figures = ticket.Locator("[data-field-photo]");
        await Assertions.Expect(figures).ToHaveCountAsync(2);
        await Assertions.Expect(figures.Filter(new() { HasText = "照片未含位置信息" })).ToHaveCountAsync(1);
        var photo = figures.Filter(new() { HasText = "拍摄位置" }).Locator("img");
        await Assertions.Expect(photo).ToHaveCountAsync(1);
        await WaitForAsync(() => photo.EvaluateAsync<int>("img => img.complete ? img.naturalWidth : 0"), width => width == 1200, "the served photo to load");
        var served = await (await page.APIRequest.GetAsync(await photo.GetAttributeAsync("src") ?? "")).BodyAsync();
        Assert.Equal(-1, served.AsSpan().IndexOf("Exif\0\0"u8));
        await AssertFitsTheScreenAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "field-submitted-390x844");

        // English, complete.
        await page.GotoAsync($"/field?lang=en");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("#tasks-heading")).ToContainTextAsync("My tasks");
        await Assertions.Expect(page.Locator($"[data-task='{id}'] .status")).ToHaveTextAsync("In review");
        await BrowserFixture.ScreenshotAsync(page, "field-tasks-en-390x844");

        // The centre reviews the report in the console and closes the case.
        view = await OpenInConsoleAsync(desk.Page, id);
        await Assertions.Expect(view).ToHaveAttributeAsync("data-status", "Review", Patient);
        await Assertions.Expect(view.Locator("[data-timeline-entry]").Filter(new() { HasText = "现场处置反馈" })).ToHaveCountAsync(1);
        await Assertions.Expect(view.Locator("[data-field-evidence] img")).ToHaveCountAsync(2);
        await Assertions.Expect(view.Locator("[data-field-evidence] [data-field-no-exif]")).ToHaveCountAsync(1);
        await BrowserFixture.ScreenshotAsync(desk.Page, "field-review-1920x1080");
        await view.Locator("[data-action='Approve']").ClickAsync();
        await Assertions.Expect(view).ToHaveAttributeAsync("data-status", "Closed", Patient);

        await page.GotoAsync($"/field/tickets/{id}?lang=zh");
        await Assertions.Expect(page.Locator($"[data-field-ticket='{id}']")).ToHaveAttributeAsync("data-status", "Closed", Patient);
    }

    /// <summary>The outbox's IndexedDB store as the page's origin holds it: each report's key, case, note and photo count.</summary>
    private const string StoredReportsScript = """
        () => new Promise((resolve, reject) => {
          const open = indexedDB.open('twin-field-outbox', 1);
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const all = open.result.transaction('reports', 'readonly').objectStore('reports').getAll();
            all.onsuccess = () => resolve(all.result.map(r => ({ key: r.key, ticketId: r.ticketId, note: r.note, photos: r.photos.length })));
            all.onerror = () => reject(all.error);
          };
        })
        """;

    private static async Task<ILocator> OpenInConsoleAsync(IPage page, string id)
    {
        await page.GotoAsync("/console");
        await page.WaitForInteractiveAsync();
        await page.Locator("[data-filter='text'] input").FillAsync(id);
        await Assertions.Expect(page.Locator("[data-queue]")).ToHaveAttributeAsync("data-count", "1", Patient);
        await page.Locator($"[data-queue] [data-ticket='{id}']").ClickAsync();
        var view = page.Locator($"[data-ticket-view='{id}']");
        await Assertions.Expect(view).ToBeVisibleAsync(PatientVisible);
        return view;
    }

    /// <summary>The list's order is the order of the deadlines it shows.</summary>
    private static async Task AssertSortedByDeadlineAsync(IPage page)
    {
        var due = await page.Locator("[data-task] .due").AllInnerTextsAsync();
        var times = due.Select(d => d.Split(' ', 3) is [_, var day, var time, ..] ? $"{day} {time}" : d.Trim()).ToList();
        Assert.True(times.SequenceEqual(times.Order(StringComparer.Ordinal)), "tasks by deadline, seen: " + string.Join(" | ", due));
    }

    /// <summary>Nothing wider than the phone: no sideways scrolling.</summary>
    private static async Task AssertFitsTheScreenAsync(IPage page)
    {
        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"the page is {width} px wide on a 390 px screen");
    }

    private static async Task<T> WaitForAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what)
    {
        // As long as the slowest commit above: the map and the photo follow a committed change.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        T value;
        do
        {
            value = await read();
            if (done(value))
            {
                return value;
            }

            await Task.Delay(250);
        }
        while (DateTime.UtcNow < deadline);

        Assert.Fail($"Timed out waiting for {what}; last seen: {JsonSerializer.Serialize(value)}");
        return value;
    }
}
