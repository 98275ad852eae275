using Bunit;
using CommandCenter.Components.Console.Search;
using Twin.Data.Search;
using Twin.Domain.Tickets;

namespace CommandCenter.Tests.Console.Search;

/// <summary>The console's search box: runs the typed words as a query and lists what the store found, each linking to its ticket.</summary>
public sealed class HistorySearchTests
{
    private static readonly SearchHit ClosedLastMonth = new(
        "T-OLD-1", "长寿路路面积水", "普陀区长寿路 300 号", TicketChannel.Hotline12345, "road-damage", TicketStatus.Closed, "SD-1",
        121.44, 31.24, new DateTimeOffset(2026, 5, 20, 1, 30, 0, TimeSpan.Zero), new DateTimeOffset(2026, 5, 20, 6, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Typed_words_are_searched_and_each_result_shows_status_time_title_and_sub_district_and_links_to_its_ticket()
    {
        await using var ctx = new BunitContext();
        var asked = new List<SearchQuery>();
        var box = ctx.Render<HistorySearch>(p => p
            .Add(c => c.Search, (q, _) =>
            {
                asked.Add(q);
                return Task.FromResult(new SearchResult([ClosedLastMonth], 1, new Dictionary<string, int>(), new Dictionary<string, int>(), new Dictionary<string, int>(), []));
            })
            .Add(c => c.SubDistrictName, code => code == "SD-1" ? "长寿路街道" : code));

        box.Find("[data-search-input]").Change("积水");
        box.Find("form").Submit();

        Assert.Equal("积水", Assert.Single(asked).Phrase);
        var hit = box.Find("[data-search-hit='T-OLD-1']");
        Assert.Equal("/console/tickets/T-OLD-1", hit.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal(nameof(TicketStatus.Closed), hit.QuerySelector("[data-status]")!.GetAttribute("data-status"));
        Assert.Contains("长寿路路面积水", hit.TextContent, StringComparison.Ordinal);
        Assert.Contains("长寿路街道", hit.TextContent, StringComparison.Ordinal);
        Assert.Contains("05-20 09:30", hit.TextContent, StringComparison.Ordinal);
        Assert.Equal("1", box.Find("[data-search-total]").GetAttribute("data-search-total"));
    }

    [Fact]
    public async Task A_count_that_stopped_at_the_limit_reads_as_a_lower_bound()
    {
        await using var ctx = new BunitContext();
        var box = ctx.Render<HistorySearch>(p => p
            .Add(c => c.Search, (_, _) => Task.FromResult(
                new SearchResult([ClosedLastMonth], SearchQuery.DefaultCountLimit, new Dictionary<string, int>(), new Dictionary<string, int>(), new Dictionary<string, int>(), [])
                {
                    TotalIsLowerBound = true,
                }))
            .Add(c => c.SubDistrictName, code => code));

        box.Find("[data-search-input]").Change("积水");
        box.Find("form").Submit();

        var summary = box.Find("[data-search-total]");
        Assert.Equal("true", summary.GetAttribute("data-search-total-lower-bound"));
        Assert.Contains("1,000+", summary.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"积水")]
    [InlineData("   ")]
    public async Task A_bad_query_says_why_and_is_not_run(string text)
    {
        await using var ctx = new BunitContext();
        var runs = 0;
        var box = ctx.Render<HistorySearch>(p => p
            .Add(c => c.Search, (_, _) =>
            {
                runs++;
                return Task.FromResult(new SearchResult([], 0, new Dictionary<string, int>(), new Dictionary<string, int>(), new Dictionary<string, int>(), []));
            })
            .Add(c => c.SubDistrictName, code => code));

        box.Find("[data-search-input]").Change(text);
        box.Find("form").Submit();

        Assert.Equal(0, runs);
        Assert.NotEmpty(box.Find("[data-search-error]").TextContent);
        Assert.Empty(box.FindAll("[data-search-hit]"));
    }

    [Fact]
    public async Task A_scope_button_searches_only_that_kind_and_alarms_and_sensors_are_listed_with_their_readings_toggle()
    {
        await using var ctx = new BunitContext();
        var asked = new List<SearchQuery>();
        var alarm = new SearchAlarmHit("A-1", Twin.Domain.Alarms.AlarmSource.SensorThreshold, "SM-7", "Smoke", Twin.Domain.Alarms.AlarmSeverity.Critical,
            "烟感 SM-7 告警", "SD-1", 121.44, 31.24, ClosedLastMonth.ReportedAt, null, ClosedLastMonth.ClosedAt);
        var sensor = new SearchSensorHit("SM-7", Twin.Domain.Sensors.SensorKind.Smoke, "长寿路街道 烟感 0007", "ppm", "SD-1", false, 121.44, 31.24, 3, Twin.Domain.Sensors.ValueState.Normal);
        var box = ctx.Render<HistorySearch>(p => p
            .Add(c => c.Search, (q, _) =>
            {
                asked.Add(q);
                return Task.FromResult(new SearchResult([], 0, new Dictionary<string, int>(), new Dictionary<string, int>(), new Dictionary<string, int>(), [])
                {
                    Alarms = q.Scope.HasFlag(SearchScope.Alarms) ? [alarm] : [],
                    Sensors = q.Scope.HasFlag(SearchScope.Sensors) ? [sensor] : [],
                });
            })
            .Add(c => c.SubDistrictName, code => code));

        box.Find("[data-search-input]").Change("SM-7");
        box.Find("form").Submit();
        Assert.Equal(SearchScope.All, asked[^1].Scope);
        Assert.Contains("烟感 SM-7 告警", box.Find("[data-search-alarm='A-1']").TextContent, StringComparison.Ordinal);
        Assert.Contains("长寿路街道 烟感 0007", box.Find("[data-search-sensor='SM-7']").TextContent, StringComparison.Ordinal);
        Assert.NotNull(box.Find("[data-readings-toggle='alarm:A-1']"));
        Assert.NotNull(box.Find("[data-readings-toggle='sensor:SM-7']"));

        box.Find("[data-search-scope='Sensors']").Click();
        Assert.Equal(SearchScope.Sensors, asked[^1].Scope);
        Assert.Empty(box.FindAll("[data-search-alarm]"));
        Assert.Single(box.FindAll("[data-search-sensor]"));
    }
}
