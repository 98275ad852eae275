using Twin.Data.History;
using Twin.Data.Search;
using Twin.Data.Store;
using Twin.Data.Tests.Support;
using Twin.Domain.Simulation;
using Twin.Domain.Organisations;

namespace Twin.Data.Tests.Search;

/// <summary>The warm start writes its month with the search triggers paused and indexes it set-wise afterwards.</summary>
public sealed class SearchIndexUpkeepTests
{
    private const string Pairs = "SELECT group_concat(gram || ':' || k.ticket_id, '|') FROM (SELECT gram, key_id FROM ticket_bigrams ORDER BY gram, key_id) b JOIN search_keys k ON k.id = b.key_id";

    private const string Documents = "SELECT group_concat(k.ticket_id || s.title || s.address || category || subdistrict, '|') FROM ticket_search s JOIN search_keys k ON k.id = s.rowid";

    /// <summary>The keys whose carried columns differ from their ticket's (search filters, counts and ranks by them).</summary>
    private const string StaleKeys =
        """
        SELECT COUNT(*) FROM search_keys k JOIN tickets t ON t.id = k.ticket_id
        WHERE k.reported_at IS NOT t.reported_at OR k.status IS NOT t.status OR k.channel IS NOT t.channel OR k.category_code IS NOT t.category_code
           OR k.sub_district_code IS NOT t.sub_district_code OR k.in_corridor IS NOT t.in_corridor OR k.overdue_steps IS NOT t.overdue_steps
           OR k.department IS NOT t.department OR k.coordinating_departments IS NOT t.coordinating_departments OR k.title IS NOT t.title OR k.address IS NOT t.address
        """;

    [Fact]
    public async Task The_set_wise_rebuild_indexes_exactly_what_the_triggers_index_row_by_row()
    {
        using var database = new TempDatabase();
        await using var store = database.CreateStore();
        await store.InitializeAsync();
        var engine = Scenario.Engine(Scenario.Clock());
        var reports = Enumerable.Range(0, 4).Select(i => Scenario.Ticket($"T-{i:000}", Scenario.Morning.AddMinutes(i), placement: i)).ToArray();
        foreach (var report in reports)
        {
            Assert.True(engine.ReportTicket(report).Accepted);
        }

        await store.WriteAsync(new TwinBatch([], reports, engine.DrainEvents(), engine.DrainChangedSensors()));
        Assert.True(engine.ChangeTicketStatus("T-001", Twin.Domain.Tickets.TicketStatus.Filed, "网格员").Accepted);
        await store.WriteAsync(new TwinBatch([], [], engine.DrainEvents(), engine.DrainChangedSensors()));
        Assert.Equal(0, database.Scalar(StaleKeys));
        Assert.Equal(1, database.Scalar("SELECT COUNT(*) FROM search_keys WHERE status = 'Filed'"));
        var byTriggers = Text(database, Pairs);
        var ftsByTriggers = Text(database, Documents);

        await store.RebuildSearchIndexAsync();

        Assert.False(string.IsNullOrEmpty(byTriggers));
        Assert.Equal(byTriggers, Text(database, Pairs));
        Assert.Equal(ftsByTriggers, Text(database, Documents));
        Assert.Equal(0, database.Scalar(StaleKeys));
    }

    [Fact]
    public async Task A_store_left_with_its_index_paused_is_indexed_again_when_it_opens()
    {
        using var database = new TempDatabase();
        var engine = Scenario.Engine(Scenario.Clock());
        var first = Scenario.Ticket("T-PAUSED", Scenario.Morning, placement: 0);
        await using (var store = database.CreateStore())
        {
            await store.InitializeAsync();
            await store.PauseSearchIndexAsync();
            Assert.True(engine.ReportTicket(first).Accepted);
            await store.WriteAsync(new TwinBatch([], [first], engine.DrainEvents(), engine.DrainChangedSensors()));
            Assert.Equal(0, database.Scalar("SELECT COUNT(*) FROM search_keys"));
        }

        await using var reopened = database.CreateStore();
        await reopened.InitializeAsync();
        var later = Scenario.Ticket("T-LATER", Scenario.Morning.AddMinutes(1), placement: 5);
        Assert.True(engine.ReportTicket(later).Accepted);
        await reopened.WriteAsync(new TwinBatch([], [later], engine.DrainEvents(), engine.DrainChangedSensors()));

        var hits = (await reopened.SearchAsync(new SearchQuery(first.Title), AccessScope.CentreOfficer)).Hits.Select(h => h.Id).Order().ToList();
        Assert.Equal(["T-LATER", "T-PAUSED"], hits);
    }

    [Fact]
    public async Task A_warm_started_month_is_searchable_and_keeps_every_replayed_reading()
    {
        using var database = new TempDatabase();
        await using var store = database.CreateStore();
        await store.InitializeAsync();
        var result = await new WarmStart(TestDistrict.Map, TestDistrict.Catalogue, TestDistrict.Cameras, new SimulatorOptions { HistoryDays = 1 })
            .RunAsync(store, new DateTimeOffset(2026, 12, 4, 7, 30, 0, TimeSpan.Zero));

        Assert.Equal(database.Scalar("SELECT COUNT(*) FROM tickets"), database.Scalar("SELECT COUNT(*) FROM search_keys"));
        Assert.Equal(result.Observations, database.Scalar("SELECT COUNT(*) FROM observations"));
        Assert.Equal(4, database.Scalar("SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'tickets_search_%'"));
        Assert.Equal(0, database.Scalar(StaleKeys));
        var (id, title, reportedAt) = FirstTicket(database);
        var minute = new SearchQuery(title) { From = reportedAt, To = reportedAt.AddMinutes(1), Limit = SearchQuery.MaxLimit };
        Assert.Contains(id, (await store.SearchAsync(minute, AccessScope.CentreOfficer)).Hits.Select(h => h.Id));
        Assert.Contains(id, (await store.SearchAsync(minute with { Text = title[..2] }, AccessScope.CentreOfficer)).Hits.Select(h => h.Id));
    }

    private static (string Id, string Title, DateTimeOffset ReportedAt) FirstTicket(TempDatabase database)
    {
        using var connection = database.OpenRaw();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, title, reported_at FROM tickets ORDER BY reported_at LIMIT 1";
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        return (reader.GetString(0), reader.GetString(1), new DateTimeOffset(reader.GetInt64(2), TimeSpan.Zero));
    }

    private static string Text(TempDatabase database, string sql)
    {
        using var connection = database.OpenRaw();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar() as string ?? string.Empty;
    }
}
