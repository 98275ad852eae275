using Bunit;
using CommandCenter.Components.Console;
using CommandCenter.Live;
using CommandCenter.Security;
using CommandCenter.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

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

        var ticketId = await runtime.ReportVendingCaseAsync("EVIDENCE-");

        await using var ctx = ConsoleContext.Create(_app.Services);
        var reveal = ctx.JSInterop.SetupModule(CommandCenter.Components.Drones.Reveal.Module);
        var console = ctx.Render<ConsolePage>();
        await console.InvokeAsync(() => console.FindComponent<TicketQueue>().Instance.Selected.InvokeAsync(ticketId));
        console.WaitForAssertion(() => Assert.Equal(ticketId, console.Find("[data-ticket-view]").GetAttribute("data-ticket-view")));
        Assert.Empty(console.FindAll("[data-evidence-item]"));
        var droneId = console.Find("[data-drone-feed]").GetAttribute("data-drone-feed");

        Assert.Empty(reveal.Invocations["reveal"]);
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

            // Both land at their pane's bottom edge: the new image (the list's last) and the answer are scrolled into view.
            var revealed = reveal.Invocations["reveal"];
            Assert.Contains(revealed, r => r.Arguments[1] is true);
            Assert.Contains(revealed, r => r.Arguments[1] is false);
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
