using Bunit;
using CommandCenter.Components.Console;
using CommandCenter.Tests.Support;
using CommandCenter.Vocabulary;
using MudBlazor.Services;
using Twin.Domain.Geography;
using Twin.Domain.Tickets;

namespace CommandCenter.Tests.Console;

/// <summary>The queue's priority column, its order and its priority and time-range filters.</summary>
public sealed class TicketQueueTests
{
    // 2026-03-10 02:00 UTC is 10:00 in Shanghai: "today" began eight hours earlier.
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 2, 0, 0, TimeSpan.Zero);

    private static readonly TicketState[] Tickets =
    [
        Ticket("T-low-new", TicketPriority.Low, Now.AddMinutes(-5)),
        Ticket("T-normal-old", TicketPriority.Normal, Now.AddDays(-3)),
        Ticket("T-normal-new", TicketPriority.Normal, Now.AddHours(-1)),
        Ticket("T-urgent-late", TicketPriority.Urgent, Now.AddDays(-10), due: Now.AddHours(2)),
        Ticket("T-urgent-soon", TicketPriority.Urgent, Now.AddHours(-11), due: Now.AddMinutes(30)),
        Ticket("T-high", TicketPriority.High, Now.AddHours(-7)),
    ];

    [Fact]
    public void Most_urgent_comes_first_then_the_step_due_soonest_then_the_newest()
    {
        var order = new QueueFilter().Apply(Tickets, Now).Select(t => t.Id);

        Assert.Equal(["T-urgent-soon", "T-urgent-late", "T-high", "T-normal-new", "T-normal-old", "T-low-new"], order);
    }

    [Theory]
    [InlineData(QueueSort.Priority, new[] { "T-urgent-soon", "T-urgent-late", "T-high", "T-normal-new", "T-normal-old", "T-low-new" })]
    [InlineData(QueueSort.Newest, new[] { "T-low-new", "T-normal-new", "T-high", "T-urgent-soon", "T-normal-old", "T-urgent-late" })]
    public void Sorted_by_priority_the_newest_urgent_case_is_on_top_and_sorted_by_time_the_newest_of_all(QueueSort sort, string[] expected)
    {
        Assert.Equal(expected, new QueueFilter(Sort: sort).Apply(Tickets, Now).Select(t => t.Id));
    }

    [Fact]
    public void Sorted_by_priority_a_new_urgent_case_goes_above_an_older_one_due_sooner()
    {
        var fresh = Ticket("T-urgent-fresh", TicketPriority.Urgent, Now.AddMinutes(-1), due: Now.AddHours(3));

        Assert.Equal("T-urgent-soon", new QueueFilter().Apply([.. Tickets, fresh], Now)[0].Id);
        Assert.Equal("T-urgent-fresh", new QueueFilter(Sort: QueueSort.Priority).Apply([.. Tickets, fresh], Now)[0].Id);
    }

    [Theory]
    [InlineData(QueueRange.Today, new[] { "T-high", "T-normal-new", "T-low-new" })]
    [InlineData(QueueRange.Day, new[] { "T-urgent-soon", "T-high", "T-normal-new", "T-low-new" })]
    [InlineData(QueueRange.Week, new[] { "T-urgent-soon", "T-high", "T-normal-new", "T-normal-old", "T-low-new" })]
    public void The_time_range_keeps_what_was_reported_since_shanghai_midnight_24_hours_or_7_days(QueueRange range, string[] expected)
    {
        Assert.Equal(expected, new QueueFilter(Range: range).Apply(Tickets, Now).Select(t => t.Id));
    }

    [Fact]
    public void The_priority_filter_keeps_one_priority()
    {
        Assert.Equal(["T-urgent-soon", "T-urgent-late"], new QueueFilter(Priority: nameof(TicketPriority.Urgent)).Apply(Tickets, Now).Select(t => t.Id));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Each_row_names_its_priority_in_the_vocabularys_words_and_colour(bool english)
    {
        using var _ = english ? UiLanguage.English() : UiLanguage.Chinese();
        await using var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        var document = VocabularyDocument.Current;

        var queue = ctx.Render<TicketQueue>(p => p
            .Add(q => q.Tickets, new QueueFilter().Apply(Tickets, Now))
            .Add(q => q.Filter, new QueueFilter())
            .Add(q => q.Now, Now)
            .Add(q => q.Channels, [])
            .Add(q => q.Categories, [])
            .Add(q => q.SubDistricts, [])
            .Add(q => q.Statuses, []));

        Assert.Equal("T-urgent-soon", queue.FindAll("[data-ticket]")[0].TextContent);
        foreach (var ticket in Tickets)
        {
            var entry = document.Priority[Map.MapFeatures.Wire(ticket.Priority)];
            var cell = queue.Find($"[data-priority-cell='{ticket.Id}']");
            Assert.Equal(english ? entry.En : entry.Zh, cell.TextContent.Trim());
            Assert.Contains(entry.Color!, cell.QuerySelector(".priority-chip")!.GetAttribute("style"));
        }

        Assert.Equal(english ? "Urgent" : "紧急", queue.Find("[data-priority-cell='T-urgent-soon']").TextContent.Trim());
    }

    [Fact]
    public async Task What_is_typed_in_the_search_box_survives_live_re_renders_of_the_queue_and_filters_it()
    {
        await using var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        var told = new List<string>();
        var filter = new QueueFilter();
        var queue = ctx.Render<TicketQueue>(p => p
            .Add(q => q.Tickets, filter.Apply(Tickets, Now))
            .Add(q => q.Filter, filter)
            .Add(q => q.FilterChanged, f => told.Add(f.Text))
            .Add(q => q.Now, Now)
            .Add(q => q.Channels, [])
            .Add(q => q.Categories, [])
            .Add(q => q.SubDistricts, [])
            .Add(q => q.Statuses, []));

        queue.Find("[data-filter='text'] input").Input("T-high");

        // Live snapshots re-render the queue (a new list each time, the filter as it was) before typing pauses.
        for (var i = 0; i < 5; i++)
        {
            queue.Render(p => p.Add(q => q.Tickets, filter.Apply([.. Tickets], Now)).Add(q => q.Filter, filter));
            await Task.Delay(30);
        }

        queue.WaitForAssertion(() => Assert.Equal(["T-high"], told), TimeSpan.FromSeconds(5));
        Assert.Equal("T-high", queue.Find("[data-filter='text'] input").GetAttribute("value"));
    }

    private static TicketState Ticket(string id, TicketPriority priority, DateTimeOffset reported, DateTimeOffset? due = null) => new(
        id, TicketChannel.GridPatrol, "street-vending", id, string.Empty, new GeoPoint(121.4, 31.25),
        string.Empty, "310107001", null, string.Empty, string.Empty, priority, TicketStatus.Dispatched, false,
        reported, reported, null, null, StepDueAt: due);
}
