using Bunit;
using CommandCenter.Audit;
using CommandCenter.Components.Wall;
using CommandCenter.Components.Wall.Presenter;
using CommandCenter.Live;
using CommandCenter.Scenes;
using CommandCenter.Security;
using CommandCenter.Tests.Access;
using CommandCenter.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Twin.Data.Audit;
using Twin.Domain.Geography;
using Twin.Domain.Tickets;

namespace CommandCenter.Tests.Wall;

/// <summary>
/// A presenter's step reaches the walls at once, but the presenter is told it was done only once
/// its audit row is committed: nothing acknowledged is lost, its audit row included. And the
/// presenter's list of today's key events follows the twin while the page is open.
/// </summary>
public sealed class PresenterAcknowledgementTests : IAsyncLifetime
{
    // The walls follow a console action within 2 s (issue 17); here nothing else runs beside them.
    private static readonly TimeSpan Follow = TimeSpan.FromSeconds(2);

    // What a render of a bUnit page is given on a machine shared by the suite's other apps.
    private static readonly TimeSpan Shown = TimeSpan.FromSeconds(15);

    private readonly ClockedApp _app = new(b => b.UseSetting("Twin:Wall:PresenterSequence", "district, district#alerts, corridor"));

    public async Task InitializeAsync() => await _app.Services.AppTwin().Ready.WaitAsync(TimeSpan.FromSeconds(60));

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task While_the_audit_row_cannot_be_written_the_walls_follow_the_step_but_the_presenter_is_not_answered()
    {
        var audit = _app.Services.GetRequiredService<AuditTrail>();
        await using var wallCtx = WallContext.Create(_app.Services);
        var wall = wallCtx.Render<WallPage>();
        await using var officer = ConsoleContext.Create(_app.Services, Roles.Officer);
        var page = officer.Render<PresenterPage>();
        page.Find("[data-present-start]").Click();
        page.WaitForAssertion(() => Assert.Contains("1/3", page.Find("[data-presenting]").TextContent), Shown);
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-present-recording]")), Shown);
        var before = await PresentedRowsAsync(audit);

        // Another writer holds the database's write lock, as the simulator's batches do under load.
        await using var blocker = new SqliteConnection($"Data Source={_app.DatabasePath};Pooling=False");
        await blocker.OpenAsync();
        var hold = (SqliteTransaction)await blocker.BeginTransactionAsync();
        page.Find("[data-present-forward]").Click();

        wall.WaitForAssertion(() => Assert.Equal("alerts", wall.Find(".wall").GetAttribute("data-highlight")), Follow);
        page.WaitForAssertion(() =>
        {
            Assert.NotEmpty(page.FindAll("[data-present-recording]"));
            Assert.True(page.Find("[data-present-forward]").HasAttribute("disabled"), "the buttons wait for the step's acknowledgement");
        }, Shown);
        Assert.Equal(before, await PresentedRowsAsync(audit));

        // A clicker's press meanwhile is not dropped: the walls follow it too, in order.
        var presenter = officer.Services.GetRequiredService<IWallPresenter>();
        var next = presenter.ForwardAsync();
        wall.WaitForAssertion(() => Assert.Equal("corridor", wall.Find(".wall").GetAttribute("data-scene")), Follow);
        Assert.False(next.IsCompleted, "a step was acknowledged while its audit row could not be written");

        await hold.RollbackAsync();
        await hold.DisposeAsync();
        var outcome = await next.WaitAsync(Shown);
        Assert.True(outcome.Accepted, outcome.Reason);
        // Answered: the row is in the store, without waiting for the audit writer.
        var rows = await PresentedRowsAsync(audit);
        Assert.Equal(before + 2, rows);
        page.WaitForAssertion(() =>
        {
            Assert.Empty(page.FindAll("[data-present-recording]"));
            Assert.False(page.Find("[data-present-forward]").HasAttribute("disabled"));
        }, Shown);
        Assert.True((await presenter.EndAsync()).Accepted);
    }

    [Fact]
    public async Task The_presenters_key_events_follow_the_twin_while_the_page_is_open()
    {
        var feed = _app.Services.GetRequiredService<WallFeed>();
        var subscribers = Subscribers(feed);
        await using var officer = ConsoleContext.Create(_app.Services, Roles.Officer);
        var page = officer.Render<PresenterPage>();
        var twin = _app.Services.AppTwin();
        var id = "T-KEY-" + Guid.NewGuid().ToString("N")[..8];
        Assert.Empty(page.FindAll($"[data-key-event='{id}']"));

        // An urgent report today is a key event: it appears on the open page, nobody reloading it.
        var place = twin.District.SubDistricts[0].Boundary.InteriorPoint;
        var reported = await twin.Commands.SubmitAsync(new Twin.Domain.Engine.ReportTicketCommand(new TicketReport(
            id, TicketChannel.GridPatrol, "waterlogging", "下立交积水", "积水约三十厘米", new GeoPoint(place.X, place.Y), "测试地址", null, new Reporter(null, null), twin.Clock.GetUtcNow())));
        Assert.True(reported.Accepted, reported.Reason);
        // The feed looks at the twin on the app's clock, which this test moves.
        await Eventually.Advancing(_app.Clock, TimeSpan.FromMilliseconds(500), () => page.FindAll($"[data-key-event='{id}']").Count > 0, "the open page lists the new key event", Shown);
        Assert.Contains("下立交积水", page.Find($"[data-key-event='{id}']").TextContent);

        // Gone when the page is: its subscription ended with it.
        await officer.DisposeComponentsAsync();
        Assert.Equal(subscribers, Subscribers(feed));
    }

    private static async Task<int> PresentedRowsAsync(AuditTrail audit) =>
        (await audit.Log.QueryAsync(new AuditQuery(ActionPrefix: AuditActions.WallPresented, Limit: 100))).Count(r => r.Entry.Action == AuditActions.WallPresented);

    /// <summary>The handlers on the feed's event (its compiler-made field): a page's subscription ends with the page.</summary>
    private static int Subscribers(WallFeed feed) =>
        (typeof(WallFeed).GetField(nameof(WallFeed.Updated), System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)!
            .GetValue(feed) as Delegate)?.GetInvocationList().Length ?? 0;
}
