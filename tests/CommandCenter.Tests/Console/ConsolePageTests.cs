using Bunit;
using CommandCenter.Components.Console;
using CommandCenter.Live;
using CommandCenter.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Twin.Data.Boundary;
using Twin.Domain.Dispatch;
using Twin.Domain.Engine;
using Twin.Domain.Tickets;

namespace CommandCenter.Tests.Console;

/// <summary>The duty officers' console rendered by bUnit against the real, running twin.</summary>
public sealed class ConsolePageTests : IAsyncLifetime
{
    private readonly TwinAppFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_queue_lists_the_open_tickets_and_flags_them()
    {
        var feed = await LiveFeedAsync();
        await using var ctx = ConsoleContext.Create(_app.Services);

        var console = ctx.Render<ConsolePage>();

        console.WaitForAssertion(() =>
        {
            var open = feed.Current!.Tickets.Count(t => t.Status.IsOpen());
            var shown = int.Parse(console.Find("[data-queue]").GetAttribute("data-count")!, System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(shown > 0, "the queue is empty");
            Assert.InRange(shown, open - 50, open + 50);
            Assert.NotEmpty(console.FindAll("[data-ticket]"));
        }, TimeSpan.FromSeconds(10));
        Assert.All(console.FindAll("[data-ticket]"), row => Assert.NotEqual(nameof(TicketStatus.Closed), row.GetAttribute("data-status")));
        console.WaitForAssertion(() =>
        {
            // Departments appear once their first ticket is dispatched; 街镇 with the first report.
            var figures = feed.Current!.Dispatch!;
            Assert.Equal(figures.ByDepartment.Count, console.FindAll("[data-evaluation='department'] tbody tr").Count);
            Assert.Equal(figures.BySubDistrict.Count, console.FindAll("[data-evaluation='subdistrict'] tbody tr").Count);
            Assert.NotEmpty(figures.BySubDistrict);
        }, TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Selecting_a_discovered_ticket_shows_masked_details_only_legal_actions_and_filing_it_adds_to_its_timeline()
    {
        var feed = await LiveFeedAsync();
        var runtime = _app.Services.AppTwin();
        var ticket = await ReportOwnTicketAsync(runtime);
        await using var ctx = ConsoleContext.Create(_app.Services);
        var console = ctx.Render<ConsolePage>();

        await console.InvokeAsync(() => console.FindComponent<TicketQueue>().Instance.Selected.InvokeAsync(ticket.Id));

        // Opening the case takes it over from simulated staff: the timeline says who, right after the report.
        console.WaitForAssertion(() =>
        {
            Assert.Equal(2, int.Parse(console.Find("[data-timeline]").GetAttribute("data-count")!, System.Globalization.CultureInfo.InvariantCulture));
            Assert.Contains("人工接手", console.FindAll("[data-timeline-entry]")[^1].TextContent);
        }, TimeSpan.FromSeconds(10));
        Assert.Equal(TicketHistoryFacts.ClaimNote("test-officer"), (await runtime.Store.GetTicketHistoryAsync(ticket.Id))[^1].Note);
        var view = console.Find("[data-ticket-view]");
        Assert.Equal(ticket.Id, view.GetAttribute("data-ticket-view"));
        Assert.Equal(ticket.ReporterMasked + " · " + ticket.PhoneMasked, console.Find("[data-reporter]").TextContent);
        Assert.DoesNotContain("13912345678", view.TextContent);
        var actions = console.FindAll("[data-action]").Select(b => b.GetAttribute("data-action")).ToHashSet();
        // 督办 is a supervisor's: an officer is not offered it.
        Assert.Equal(new HashSet<string?> { "File", "Close", "Merge" }, actions);
        Assert.True(console.Find("[data-action='Close']").HasAttribute("disabled"), "closing needs a reason");

        await console.InvokeAsync(() => console.Find("[data-action='File']").Click());

        console.WaitForAssertion(() =>
        {
            Assert.Equal(nameof(TicketStatus.Filed), console.Find("[data-ticket-view]").GetAttribute("data-status"));
            Assert.Equal("立案", console.Find("[data-status-label]").TextContent.Trim());
            var entries = console.FindAll("[data-timeline-entry]");
            Assert.Equal(3, entries.Count);
            Assert.Contains("test-officer", entries[^1].TextContent);
        }, TimeSpan.FromSeconds(10));
        Assert.Empty(console.FindAll("[data-refusal]"));
        Assert.Contains("Dispatch", console.FindAll("[data-action]").Select(b => b.GetAttribute("data-action")));
    }

    [Fact]
    public async Task An_officers_action_crosses_the_boundary_once_and_its_answer_brings_the_new_step_without_a_store_read()
    {
        await LiveFeedAsync();
        var ticket = await ReportOwnTicketAsync(_app.Services.AppTwin());
        await using var ctx = ConsoleContext.Create(_app.Services);
        var commands = new CountingCommands(_app.Services.GetRequiredService<ITwinCommands>());
        var queries = new CountingQueries(_app.Services.GetRequiredService<ITwinQueries>());
        ctx.Services.AddSingleton<ITwinCommands>(commands);
        ctx.Services.AddSingleton<ITwinQueries>(queries);
        var console = ctx.Render<ConsolePage>();
        await console.InvokeAsync(() => console.FindComponent<TicketQueue>().Instance.Selected.InvokeAsync(ticket.Id));
        // Opening the case shows its report and the officer taking it over from simulated staff (人工接手).
        console.WaitForAssertion(() => Assert.Equal("2", console.Find("[data-timeline]").GetAttribute("data-count")));
        Assert.IsType<MarkTicketViewedCommand>(Assert.Single(commands.Submitted));
        Assert.Contains(nameof(ITwinQueries.GetTicketHistoryAsync), queries.StoreReads);
        queries.StoreReads.Clear();
        commands.Submitted.Clear();

        await console.InvokeAsync(() => console.Find("[data-action='File']").Click());

        console.WaitForAssertion(() => Assert.Equal(3, console.FindAll("[data-timeline-entry]").Count), TimeSpan.FromSeconds(10));
        Assert.IsType<FileTicketCommand>(Assert.Single(commands.Submitted));

        // The evidence list may look again (the ticket changed), but the history is never read back.
        Assert.DoesNotContain(nameof(ITwinQueries.GetTicketHistoryAsync), queries.StoreReads);
    }

    [Fact]
    public async Task A_refused_command_shows_the_engines_reason()
    {
        var feed = await LiveFeedAsync();
        var runtime = _app.Services.AppTwin();
        var ticket = await ReportOwnTicketAsync(runtime);
        await using var ctx = ConsoleContext.Create(_app.Services);
        var console = ctx.Render<ConsolePage>();
        await console.InvokeAsync(() => console.FindComponent<TicketQueue>().Instance.Selected.InvokeAsync(ticket.Id));
        console.WaitForAssertion(() => console.Find("[data-action='Merge']"));

        // Merging into itself is legal by status but refused by the engine: the officer must see why, in the desk's language.
        await console.InvokeAsync(() => console.Find("[data-input='merge'] input").Input(ticket.Id));
        await console.InvokeAsync(() => console.Find("[data-action='Merge']").Click());

        console.WaitForAssertion(() => Assert.Equal("工单不能并入自身", console.Find("[data-refusal]").TextContent.Trim()));
    }

    [Fact]
    public async Task The_english_console_names_the_category_and_the_department_it_dispatched_to_in_english()
    {
        await LiveFeedAsync();
        var ticket = await ReportOwnTicketAsync(_app.Services.AppTwin());
        using var english = UiLanguage.English();
        await using var ctx = ConsoleContext.Create(_app.Services);
        var console = ctx.Render<ConsolePage>();

        await console.InvokeAsync(() => console.FindComponent<TicketQueue>().Instance.Selected.InvokeAsync(ticket.Id));
        console.WaitForAssertion(() => Assert.Equal(ticket.Id, console.Find("[data-ticket-view]").GetAttribute("data-ticket-view")), TimeSpan.FromSeconds(10));
        Assert.Contains("Street vending", console.Find("[data-details]").TextContent);
        await console.InvokeAsync(() => console.Find("[data-action='File']").Click());
        console.WaitForAssertion(() => Assert.Contains("Dispatch", console.FindAll("[data-action]").Select(b => b.GetAttribute("data-action"))), TimeSpan.FromSeconds(10));
        await console.InvokeAsync(() => console.Find("[data-action='Dispatch']").Click());

        // By the duty list, street vending goes to 区城管执法局, which the English desk names in English.
        console.WaitForAssertion(
            () => Assert.Equal("District Urban Management Enforcement Bureau", console.Find("[data-department]").TextContent.Trim()),
            TimeSpan.FromSeconds(10));
        Assert.DoesNotContain("区城管执法局", console.Find("[data-evaluation='department']").TextContent);
    }

    private async Task<WallFeed> LiveFeedAsync()
    {
        var feed = _app.Services.GetRequiredService<WallFeed>();
        await Eventually.Until(() => feed.Current is { Dispatch: not null } s && s.Tickets.Any(t => t.Status.IsOpen()), "the twin comes alive with open tickets");

        return feed;
    }

    /// <summary>
    /// A report of the test's own: the simulator only moves tickets it reported itself (ids "T-…"),
    /// so this one stays 'discovered' until the console acts on it.
    /// </summary>
    private static async Task<TicketState> ReportOwnTicketAsync(AppTwin runtime)
    {
        var id = "CONSOLE-" + Guid.NewGuid().ToString("N")[..8];
        var place = runtime.District.SubDistricts[0].Boundary.InteriorPoint;
        var report = new TicketReport(
            id,
            TicketChannel.CitizenApp,
            "street-vending",
            "控制台测试设摊",
            $"控制台测试报告{id}，人行道有流动摊位占道经营",
            new Twin.Domain.Geography.GeoPoint(place.X, place.Y),
            "测试地址",
            null,
            new Reporter("张三丰", "13912345678"),
            runtime.Clock.GetUtcNow());
        var result = await runtime.Commands.SubmitAsync(new ReportTicketCommand(report));
        Assert.True(result.Accepted, result.Reason);
        var ticket = runtime.Queries.Current.Tickets.Single(t => t.Id == id);
        Assert.Equal(TicketStatus.Discovered, ticket.Status);
        return ticket;
    }
}
