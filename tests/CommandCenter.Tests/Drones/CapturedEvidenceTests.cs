using Bunit;
using CommandCenter.Components.Console;
using CommandCenter.Live;
using CommandCenter.Security;
using CommandCenter.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Twin.Domain.Engine;
using Twin.Domain.Tickets;

namespace CommandCenter.Tests.Drones;

/// <summary>An officer at the console captures what a drone sees onto the selected ticket (bUnit on the running twin).</summary>
public sealed class CapturedEvidenceTests : IAsyncLifetime
{
    private readonly TwinAppFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_captured_frame_appears_on_its_ticket_with_a_timeline_entry()
    {
        var runtime = _app.Services.AppTwin();
        var feed = _app.Services.GetRequiredService<WallFeed>();
        await Eventually.Until(() => feed.Current is { Drones.Length: >= 2, Tickets.Length: > 0 }, "the fleet and a ticket are up");

        var ticketId = "EVIDENCE-" + Guid.NewGuid().ToString("N")[..8];
        var place = runtime.District.SubDistricts[0].Boundary.InteriorPoint;
        var accepted = await runtime.Commands.SubmitAsync(new ReportTicketCommand(new TicketReport(
            ticketId, TicketChannel.GridPatrol, "street-vending", "河岸占道经营", "苏州河步道有流动摊位", new Twin.Domain.Geography.GeoPoint(place.X, place.Y),
            "测试地址", null, new Reporter("张三丰", "13912345678"), runtime.Clock.GetUtcNow())));
        Assert.True(accepted.Accepted, accepted.Reason);

        await using var ctx = ConsoleContext.Create(_app.Services);
        var console = ctx.Render<ConsolePage>();
        await console.InvokeAsync(() => console.FindComponent<TicketQueue>().Instance.Selected.InvokeAsync(ticketId));
        console.WaitForAssertion(() => Assert.Equal(ticketId, console.Find("[data-ticket-view]").GetAttribute("data-ticket-view")));
        Assert.Empty(console.FindAll("[data-evidence-item]"));
        var droneId = console.Find("[data-drone-feed]").GetAttribute("data-drone-feed");

        console.Find("[data-drone-action='capture']").Click();

        console.WaitForAssertion(() =>
        {
            var item = Assert.Single(console.FindAll("[data-evidence-item]"));
            var evidenceId = item.GetAttribute("data-evidence-item")!;
            Assert.Equal($"/api/evidence/{evidenceId}.jpg", item.QuerySelector("img")!.GetAttribute("src"));
            Assert.Contains(droneId!, item.TextContent);
            Assert.Contains("SHA-256", item.TextContent);
            Assert.Contains(console.FindAll("[data-timeline-entry]"), e => e.TextContent.Contains(evidenceId, StringComparison.Ordinal));
            Assert.Contains(ticketId, console.Find("[data-drone-message]").TextContent);
        }, TimeSpan.FromSeconds(15));

        // The evidence says where it was taken from and how far from the case, and flags a frame taken off station.
        var stored = Assert.Single(await runtime.Queries.GetEvidenceAsync(ticketId));
        var where = console.Find($"[data-evidence-where='{stored.Id}']").TextContent;
        Assert.Contains(FormattableString.Invariant($"距案发点 {stored.DistanceMetres:F0} 米"), where);
        Assert.Contains(FormattableString.Invariant($"{stored.Position.Lon:F5}, {stored.Position.Lat:F5}"), where);
        Assert.Equal(stored.DistanceMetres > Twin.Domain.Drones.EvidenceRules.OffStationMetres, console.FindAll($"[data-off-station='{stored.Id}']").Count == 1);
        using (UiLanguage.English())
        {
            var english = ctx.Render<CommandCenter.Components.Drones.TicketEvidence>(p => p.Add(x => x.TicketId, ticketId));
            english.WaitForAssertion(() => Assert.Contains(FormattableString.Invariant($"{stored.DistanceMetres:F0} m from the case"), english.Find($"[data-evidence-where='{stored.Id}']").TextContent));
            if (stored.OffStation)
            {
                Assert.StartsWith("Off station", english.Find($"[data-off-station='{stored.Id}']").TextContent);
            }
        }

        using var officer = await _app.SignInAsync(Roles.Officer);
        var image = await officer.Client.GetByteArrayAsync(console.Find("[data-evidence-item] img").GetAttribute("src"));
        JpegAssert.Valid(image, 640, 360);
    }
}
