using Bunit;
using CommandCenter.Components.Console;
using CommandCenter.Tests.Support;
using Twin.Domain.Engine;
using Twin.Domain.Tickets;

namespace CommandCenter.Tests.Drones;

/// <summary>The line a drone sent to a case writes when it turns back reads in the page's language; other notes stay as written.</summary>
public sealed class TurnBackTimelineTests
{
    private const string Reason = "电量低返航：剩余19%，返航900米需6%，另留15%余量 · low battery: 19% left, 6% needed to fly 900 m home plus 15% reserve";

    [Theory]
    [InlineData(false, "无人机返航 · D-01 · M-7 · 电量低返航：剩余19%，返航900米需6%，另留15%余量")]
    [InlineData(true, "Drone turned back · D-01 · M-7 · low battery: 19% left, 6% needed to fly 900 m home plus 15% reserve")]
    public async Task A_drones_turning_back_reads_in_the_pages_language(bool english, string expected)
    {
        using var language = english ? UiLanguage.English() : UiLanguage.Chinese();
        await using var ctx = new BunitContext();
        var at = DateTimeOffset.Parse("2026-12-05T02:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        IReadOnlyList<TicketTransition> history =
        [
            new("T-1", null, TicketStatus.Discovered, at, "system", "上报"),
            new("T-1", null, TicketStatus.Discovered, at.AddMinutes(3), "simulator", $"{TwinEngine.TurnBackNote} · D-01 · M-7 · {Reason}"),
        ];

        var timeline = ctx.Render<TicketTimeline>(p => p.Add(x => x.History, history));

        var notes = timeline.FindAll("[data-timeline-entry] .note").Select(n => n.TextContent).ToList();
        Assert.Equal(["上报", expected], notes);
    }
}
