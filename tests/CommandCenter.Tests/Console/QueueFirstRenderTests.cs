using System.Globalization;
using System.Text.RegularExpressions;
using CommandCenter.Components.Console;
using CommandCenter.Live;
using CommandCenter.Security;
using CommandCenter.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Twin.Domain.Tickets;

namespace CommandCenter.Tests.Console;

/// <summary>
/// The queue's rows come with its count: the page the server sends first (before any script has
/// run, let alone measured the viewport) already lists the tickets "共 N 件" counts.
/// </summary>
public sealed partial class QueueFirstRenderTests : IAsyncLifetime
{
    private readonly TwinAppFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_first_html_of_the_console_holds_every_row_the_queue_counts()
    {
        var feed = _app.Services.GetRequiredService<WallFeed>();
        await Eventually.Until(() => feed.Current is { } s && s.Tickets.Count(t => t.Status.IsOpen()) >= 5, "the twin has open tickets");
        using var officer = await _app.SignInAsync(Roles.Officer);

        var html = await officer.Client.GetStringAsync("/console");

        var count = int.Parse(QueueCount().Match(html).Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.InRange(count, 5, TicketQueue.RenderedWhole);
        Assert.Equal(count, TicketRow().Matches(html).Count);
    }

    [GeneratedRegex("data-queue data-count=\"(\\d+)\"")]
    private static partial Regex QueueCount();

    [GeneratedRegex("<span data-ticket=\"")]
    private static partial Regex TicketRow();
}
