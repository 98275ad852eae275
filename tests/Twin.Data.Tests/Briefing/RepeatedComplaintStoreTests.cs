using Twin.Data.Store;
using Twin.Data.Store.Providers;
using Twin.Data.Tests.Support;
using Twin.Domain.Briefing;
using Twin.Domain.Dispatch;
using Twin.Domain.Engine;
using Twin.Domain.Geography;

namespace Twin.Data.Tests.Briefing;

/// <summary>
/// The briefing's "same category within 100 m, 3+ times in 7 days" over stored tickets: on
/// PostgreSQL found with PostGIS (the tickets' spatial index), on SQLite in memory, with the same
/// places either way — also for reports 99 and 101 m apart, and reports outside the week.
/// </summary>
public abstract class RepeatedComplaintStoreTests : IAsyncLifetime
{
    private readonly TempDatabase _db;
    private readonly TwinStore _store;
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider _clock = Scenario.Clock();
    private readonly TwinEngine _engine;
    private readonly string _noise = TestDistrict.Catalogue.Categories[0].Code;
    private readonly string _other = TestDistrict.Catalogue.Categories[1].Code;

    protected RepeatedComplaintStoreTests(StorageProvider provider)
    {
        _db = new TempDatabase(provider);
        _store = _db.CreateStore();

        // Merging duplicates is another rule; here every report stays a case of its own.
        _engine = Scenario.Engine(_clock, DuplicateRules.Off);
    }

    protected TempDatabase Db => _db;

    protected DateTimeOffset Now => _clock.GetUtcNow();

    protected string Noise => _noise;

    public Task InitializeAsync() => _store.InitializeAsync();

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        _db.Dispose();
    }

    [Fact]
    public async Task Reports_of_a_category_within_100_m_in_the_week_make_one_place_and_nothing_else_does()
    {
        var now = _clock.GetUtcNow();
        var here = Scenario.Point(0);
        var there = Scenario.Point(3);
        Report("NEWEST", _noise, here, now.AddHours(-1));
        Report("EAST-60", _noise, Offset(here, 60, 0), now.AddDays(-2));
        Report("NORTH-99", _noise, Offset(here, 0, 99), now.AddDays(-6));
        Report("WEST-101", _noise, Offset(here, -101, 0), now.AddDays(-3)); // just outside the newest's radius
        Report("OTHER-1", _other, here, now.AddHours(-2)); // another category: two of it are not a place
        Report("OTHER-2", _other, Offset(here, 10, 10), now.AddDays(-1));
        Report("OTHER-OLD", _other, here, now.AddDays(-8)); // before the week
        Report("THERE-1", _noise, there, now.AddHours(-5));
        Report("THERE-2", _noise, Offset(there, 5, 0), now.AddDays(-4));
        Report("THERE-OLD", _noise, there, now.AddDays(-7).AddMinutes(-1));
        await WriteAsync();

        var from = now - DecisionItems.RepeatWindow;
        var repeated = await _store.ReadRepeatedComplaintsAsync(from, now);

        var place = Assert.Single(repeated);
        Assert.Equal(["EAST-60", "NEWEST", "NORTH-99"], place.TicketIds.Order(StringComparer.Ordinal));
        Assert.Equal((_noise, here, now.AddHours(-1)), (place.CategoryCode, place.Place, place.LatestAt));

        // The rule judged in memory over the same stored week finds the same places.
        var inMemory = DecisionItems.Repeated(await _store.ReadTicketsReportedAsync(from, now));
        Assert.Equal(inMemory.Select(Key), repeated.Select(Key));
    }

    [Fact]
    public async Task Each_report_counts_once_from_the_newest_report_s_place_on()
    {
        // A row of reports 45 m apart, newest first: the newest gathers the next two (45 and 90 m);
        // the fourth starts the next place; the seventh is left alone, although 45 m from the sixth.
        var now = _clock.GetUtcNow();
        var start = Scenario.Point(0);
        for (var i = 0; i < 7; i++)
        {
            Report($"ROW-{i}", _noise, Offset(start, 45 * i, 0), now.AddHours(-1 - i));
        }

        await WriteAsync();

        var from = now - DecisionItems.RepeatWindow;
        var repeated = await _store.ReadRepeatedComplaintsAsync(from, now);

        Assert.Equal(["ROW-0,ROW-1,ROW-2", "ROW-3,ROW-4,ROW-5"], repeated.Select(r => string.Join(",", r.TicketIds.Order(StringComparer.Ordinal))).Order(StringComparer.Ordinal));
        var inMemory = DecisionItems.Repeated(await _store.ReadTicketsReportedAsync(from, now));
        Assert.Equal(inMemory.Select(Key), repeated.Select(Key));
    }

    protected Task WriteAsync() => _store.WriteAsync(new TwinBatch([], [], _engine.DrainEvents(), _engine.DrainChangedSensors()));

    private static string Key(RepeatedComplaint r) =>
        $"{r.CategoryCode} {r.Place} {r.LatestAt:O} {string.Join(",", r.TicketIds.Order(StringComparer.Ordinal))}";

    protected static GeoPoint Offset(GeoPoint from, double eastMetres, double northMetres)
    {
        var origin = LocalProjection.Putuo.Forward(from.Lon, from.Lat);
        var moved = LocalProjection.Putuo.Inverse(origin.X + eastMetres, origin.Y + northMetres);
        return new GeoPoint(moved.X, moved.Y);
    }

    protected void Report(string id, string category, GeoPoint at, DateTimeOffset reportedAt)
    {
        var result = _engine.ReportTicket(Scenario.Ticket(id, reportedAt) with { CategoryCode = category, Location = at });
        Assert.True(result.Accepted, result.Reason);
    }
}

public sealed class RepeatedComplaintStoreTestsOnSqlite() : RepeatedComplaintStoreTests(StorageProvider.Sqlite);

public sealed class RepeatedComplaintStoreTestsOnPostgres() : RepeatedComplaintStoreTests(StorageProvider.Postgres)
{
    [Fact]
    public async Task The_spatial_index_measures_in_the_same_metres_as_the_comparison_in_memory()
    {
        // The migration's column must give LocalProjection's metres to the last bit, or a report on the 100 m line could count differently.
        var points = Enumerable.Range(0, 5).Select(i => Offset(Scenario.Point(i), 12.3456789 * i, -7.654321 * i)).ToList();
        for (var i = 0; i < points.Count; i++)
        {
            Report($"P-{i}", Noise, points[i], Now.AddMinutes(-i));
        }

        await WriteAsync();

        using var connection = Db.OpenRaw();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, ST_X(place_metres), ST_Y(place_metres) FROM tickets ORDER BY id";
        using var reader = command.ExecuteReader();
        var stored = new List<(string, double, double)>();
        while (reader.Read())
        {
            stored.Add((reader.GetString(0), reader.GetDouble(1), reader.GetDouble(2)));
        }

        Assert.Equal(
            points.Select((p, i) => ($"P-{i}", LocalProjection.Putuo.Forward(p.Lon, p.Lat).X, LocalProjection.Putuo.Forward(p.Lon, p.Lat).Y)),
            stored);
    }
}
