using Twin.Data.Search;
using Twin.Data.Store;
using Twin.Data.Store.Providers;
using Twin.Data.Tests.Support;
using Twin.Domain.Tickets;
using Twin.Domain.Organisations;

namespace Twin.Data.Tests.Search;

public abstract class StoreSearchTests(StorageProvider provider) : SearchStoreTests(provider)
{
    [Fact]
    public async Task A_ticket_about_standing_water_is_found_by_two_three_and_four_characters_within_its_dates()
    {
        await ReportAsync(Water("T-WATER", Clock.GetUtcNow()), Noise("T-NOISE", Clock.GetUtcNow()));
        var day = Clock.GetUtcNow().AddHours(-1);

        Assert.Equal(["T-WATER"], await IdsAsync(new SearchQuery("积水")));
        Assert.Equal(["T-WATER"], await IdsAsync(new SearchQuery("长寿路")));
        Assert.Equal(["T-WATER"], await IdsAsync(new SearchQuery("路面积水") { From = day, To = day.AddDays(1) }));
        Assert.Equal(["T-WATER"], await IdsAsync(new SearchQuery("\"路面积水\"")));
        Assert.Empty(await IdsAsync(new SearchQuery("路面积水") { From = day.AddDays(1), To = day.AddDays(2) }));
        Assert.Equal(["T-NOISE"], await IdsAsync(new SearchQuery("噪声")));

        // The category's name (道路破损) is indexed with the ticket, so its 2- and 4-character words find it.
        Assert.Equal(["T-WATER"], await IdsAsync(new SearchQuery("破损")));
        Assert.Equal(["T-WATER"], await IdsAsync(new SearchQuery("道路破损")));
        Assert.Equal(["T-WATER"], await IdsAsync(new SearchQuery("涝")));
    }

    [Fact]
    public async Task A_callers_phone_and_name_written_into_the_text_are_not_findable()
    {
        await ReportAsync(Water("T-WATER", Clock.GetUtcNow()));

        Assert.Equal(["T-WATER"], await IdsAsync(new SearchQuery("积水")));
        Assert.Empty(await IdsAsync(new SearchQuery("13812345678")));
        Assert.Empty(await IdsAsync(new SearchQuery("12345678")));
        Assert.Empty(await IdsAsync(new SearchQuery("李雪梅")));
        Assert.Empty(await IdsAsync(new SearchQuery("雪梅")));
        Assert.Empty(await IdsAsync(new SearchQuery("13900001111")));
        Assert.Empty(await IdsAsync(new SearchQuery("王小明")));
    }

    [Fact]
    public async Task Filters_sort_and_facets_follow_the_stored_state_after_each_write()
    {
        var start = Clock.GetUtcNow();
        await ReportAsync(Water("T-1", start), Water("T-2", start.AddMinutes(1), TicketChannel.GridPatrol), Water("T-3", start.AddMinutes(2)));
        Assert.True(Engine.ChangeTicketStatus("T-2", TicketStatus.Filed, "网格员").Accepted);
        await WriteDrainedAsync();

        var all = await Store.SearchAsync(new SearchQuery("积水") { Sort = SearchSort.Time }, AccessScope.CentreOfficer);
        Assert.Equal(["T-3", "T-2", "T-1"], all.Hits.Select(h => h.Id));
        Assert.Equal(3, all.Total);
        Assert.Equal(2, all.ByStatus[nameof(TicketStatus.Discovered)]);
        Assert.Equal(1, all.ByStatus[nameof(TicketStatus.Filed)]);
        Assert.Equal(1, all.ByChannel[nameof(TicketChannel.GridPatrol)]);
        Assert.Equal(3, all.BySubDistrict.Values.Sum());

        Assert.Equal(["T-2"], await IdsAsync(new SearchQuery("路面积水") { Status = TicketStatus.Filed }));
        Assert.Equal(["T-2"], await IdsAsync(new SearchQuery("积水") { Channel = TicketChannel.GridPatrol }));
        Assert.Equal(["T-3", "T-1"], await IdsAsync(new SearchQuery("积水") { Channel = TicketChannel.Hotline12345, Sort = SearchSort.Time }));
        var limited = await Store.SearchAsync(new SearchQuery("积水") { Limit = 1, Sort = SearchSort.Time }, AccessScope.CentreOfficer);
        Assert.Equal(["T-3"], limited.Hits.Select(h => h.Id));
        Assert.Equal(3, limited.Total);
        Assert.Empty(await IdsAsync(new SearchQuery("积水") { SubDistrictCode = "no-such-code" }));
    }

    [Theory]
    [InlineData("积水")]
    [InlineData("长寿路")]
    public async Task More_matches_than_are_counted_give_the_newest_and_say_their_counts_are_lower_bounds(string words)
    {
        var start = Clock.GetUtcNow();
        await ReportAsync([.. Enumerable.Range(1, 5).Select(i => Water($"T-{i}", start.AddMinutes(i), i == 2 ? TicketChannel.GridPatrol : TicketChannel.Hotline12345))]);

        var capped = await Store.SearchAsync(new SearchQuery(words) { CountLimit = 3, Sort = SearchSort.Time }, AccessScope.CentreOfficer);
        Assert.True(capped.TotalIsLowerBound);
        Assert.Equal(3, capped.Total);
        Assert.Equal(["T-5", "T-4", "T-3"], capped.Hits.Select(h => h.Id));
        Assert.Equal(3, capped.ByStatus.Values.Sum());
        Assert.Equal(3, capped.BySubDistrict.Values.Sum());

        var exact = await Store.SearchAsync(new SearchQuery(words) { CountLimit = 5 }, AccessScope.CentreOfficer);
        Assert.False(exact.TotalIsLowerBound);
        Assert.Equal(5, exact.Total);

        // More match the words than are counted, but the filter lets one through: that count is exact.
        var filtered = await Store.SearchAsync(new SearchQuery(words) { CountLimit = 3, Channel = TicketChannel.GridPatrol }, AccessScope.CentreOfficer);
        Assert.False(filtered.TotalIsLowerBound);
        Assert.Equal(["T-2"], filtered.Hits.Select(h => h.Id));
        Assert.Equal(1, filtered.ByChannel[nameof(TicketChannel.GridPatrol)]);
    }

    [Theory]
    [InlineData("水")]
    [InlineData("积水")]
    [InlineData("长寿路")]
    public async Task The_newest_by_report_time_are_found_whatever_order_the_tickets_were_stored_in(string words)
    {
        // Stored out of report-time order (a follower's hand-off, a restore): T-4 and T-5 within one second.
        var start = Clock.GetUtcNow();
        var reported = new Dictionary<string, DateTimeOffset>
        {
            ["T-3"] = start.AddMinutes(3), ["T-1"] = start.AddMinutes(1), ["T-5"] = start.AddMinutes(4).AddMilliseconds(600),
            ["T-2"] = start.AddMinutes(2), ["T-4"] = start.AddMinutes(4).AddMilliseconds(300),
        };
        foreach (var (id, at) in reported)
        {
            await ReportAsync(Water(id, at));
        }

        var capped = await Store.SearchAsync(new SearchQuery(words) { CountLimit = 3, Sort = SearchSort.Time }, AccessScope.CentreOfficer);
        Assert.True(capped.TotalIsLowerBound);
        Assert.Equal(["T-5", "T-4", "T-3"], capped.Hits.Select(h => h.Id));

        var range = await Store.SearchAsync(
            new SearchQuery(words) { CountLimit = 3, Sort = SearchSort.Time, From = start.AddMinutes(1.5), To = start.AddMinutes(4).AddMilliseconds(450) },
            AccessScope.CentreOfficer);
        Assert.False(range.TotalIsLowerBound);
        Assert.Equal(["T-4", "T-3", "T-2"], range.Hits.Select(h => h.Id));
    }

    [Theory]
    [InlineData(3, new[] { "T-TITLE", "T-NEWEST", "T-NEWER" })]
    [InlineData(SearchQuery.DefaultCountLimit, new[] { "T-TITLE", "T-NEWEST", "T-NEWER", "T-OLD" })]
    public async Task Relevance_puts_the_words_in_a_title_before_newer_tickets_that_only_mention_them(int countLimit, string[] expected)
    {
        var start = Clock.GetUtcNow();
        await ReportAsync(
            Scenario.Ticket("T-OLD", start, placement: 3) with { Description = "楼下积水" },
            Water("T-TITLE", start.AddMinutes(1)),
            Scenario.Ticket("T-NEWER", start.AddMinutes(2), placement: 1) with { Description = "施工噪声之外，路口还有积水" },
            Scenario.Ticket("T-NEWEST", start.AddMinutes(3), placement: 2) with { Description = "路边积水" });

        // With a count limit of 3 the newest three are ranked; the oldest is not among them.
        var found = await Store.SearchAsync(new SearchQuery("积水") { CountLimit = countLimit }, AccessScope.CentreOfficer);

        Assert.Equal(expected, found.Hits.Select(h => h.Id));
        Assert.Equal(countLimit == 3, found.TotalIsLowerBound);
    }

    [Fact]
    public async Task Places_are_found_by_part_of_their_name()
    {
        var subDistrict = TestDistrict.Map.SubDistricts[0];
        var result = await Store.SearchAsync(new SearchQuery(subDistrict.Name[..2]), AccessScope.CentreOfficer);

        Assert.Contains(result.Places, p => p.Kind == SearchPlace.SubDistrictKind && p.Code == subDistrict.Code);
        var neighbourhood = TestDistrict.Map.Neighbourhoods[0];
        Assert.Contains((await Store.SearchAsync(new SearchQuery(neighbourhood.Name), AccessScope.CentreOfficer)).Places, p => p.Code == neighbourhood.Code);
    }

    [Theory]
    [InlineData("", SearchQueryError.Empty)]
    [InlineData("   ", SearchQueryError.Empty)]
    [InlineData("\"\"", SearchQueryError.Empty)]
    [InlineData("\"积水", SearchQueryError.UnbalancedQuotes)]
    public void Bad_queries_are_refused_with_their_reason(string text, SearchQueryError expected)
    {
        Assert.Equal(expected, new SearchQuery(text).Validate());
    }

    [Fact]
    public void Long_queries_reversed_dates_and_bad_limits_are_refused()
    {
        Assert.Equal(SearchQueryError.TooLong, new SearchQuery(new string('水', SearchQuery.MaxLength + 1)).Validate());
        Assert.Null(new SearchQuery(new string('水', SearchQuery.MaxLength)).Validate());
        var now = Scenario.Morning;
        Assert.Equal(SearchQueryError.FromAfterTo, new SearchQuery("积水") { From = now, To = now.AddDays(-1) }.Validate());
        Assert.Equal(SearchQueryError.BadLimit, new SearchQuery("积水") { Limit = 0 }.Validate());
        Assert.Equal(SearchQueryError.BadLimit, new SearchQuery("积水") { CountLimit = 0 }.Validate());
    }

    private static TicketReport Water(string id, DateTimeOffset at, TicketChannel channel = TicketChannel.Hotline12345) => new(
        id,
        channel,
        "road-damage",
        "长寿路路面积水",
        "下雨后长寿路口路面积水严重，内涝到脚踝。我是李雪梅，电话13812345678",
        Scenario.Point(0),
        "普陀区长寿路 300 号",
        null,
        new Reporter("王小明", "13900001111"),
        at);

    private static TicketReport Noise(string id, DateTimeOffset at) => Scenario.Ticket(id, at, placement: 1);

    private async Task ReportAsync(params TicketReport[] reports)
    {
        foreach (var report in reports)
        {
            Assert.True(Engine.ReportTicket(report).Accepted);
        }

        await Store.WriteAsync(new TwinBatch([], reports, Engine.DrainEvents(), Engine.DrainChangedSensors()));
    }

    private Task WriteDrainedAsync() => Store.WriteAsync(new TwinBatch([], [], Engine.DrainEvents(), Engine.DrainChangedSensors()));

    private async Task<IReadOnlyList<string>> IdsAsync(SearchQuery query) =>
        (await Store.SearchAsync(query, AccessScope.CentreOfficer)).Hits.Select(h => h.Id).ToList();
}

public sealed class StoreSearchTestsOnSqlite() : StoreSearchTests(StorageProvider.Sqlite);

public sealed class StoreSearchTestsOnPostgres() : StoreSearchTests(StorageProvider.Postgres);
