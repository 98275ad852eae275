using System.Globalization;
using Twin.Data.Boundary;
using Twin.Data.History;
using Twin.Data.Store;
using Twin.Data.Tests.Support;
using Twin.Domain.Simulation;
using Twin.Domain.Time;

namespace Twin.Data.Tests.Briefing;

/// <summary>
/// Ten simulated days in a store, ending on a Wednesday morning just after a month's end (so the
/// periods cross Shanghai midnights, a week's start and 30 November → 1 December), with the
/// briefing service over it and every ticket and alarm read back with plain SQL for recounts.
/// </summary>
public sealed class SimulatedHistory : IAsyncLifetime
{
    /// <summary>10:30 in Shanghai on Wednesday 2 December 2026.</summary>
    public static readonly DateTimeOffset Now = new(2026, 12, 2, 2, 30, 0, TimeSpan.Zero);

    private readonly TempDatabase _database = new();

    public TwinStore Store { get; private set; } = null!;

    public ITwinBriefings Briefings { get; private set; } = null!;

    public IReadOnlyList<RawTicket> Tickets { get; private set; } = [];

    public IReadOnlyList<RawAlarm> Alarms { get; private set; } = [];

    public async Task InitializeAsync()
    {
        Store = _database.CreateStore();
        await Store.InitializeAsync();
        var options = new SimulatorOptions { HistoryDays = 10, SensorCount = 300 };
        await new WarmStart(TestDistrict.Map, TestDistrict.Catalogue, TestDistrict.Cameras, options).RunAsync(Store, Now);
        var readiness = new TwinReadiness();
        readiness.MarkReady();
        Briefings = new TwinBriefings(Store, readiness, new SteppedClock(Now));
        Tickets = ReadTickets();
        Alarms = ReadAlarms();
    }

    public async Task DisposeAsync()
    {
        await Store.DisposeAsync();
        _database.Dispose();
    }

    /// <summary>Shanghai keeps UTC+8 all year (no summer time since 1991): the recount's own calendar.</summary>
    public static DateOnly ShanghaiDay(DateTimeOffset utc) => DateOnly.FromDateTime(utc.UtcDateTime.AddHours(8));

    public static DateTimeOffset ShanghaiMidnight(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue).AddHours(-8), TimeSpan.Zero);

    private List<RawTicket> ReadTickets()
    {
        using var connection = _database.OpenRaw();
        using var command = connection.CreateCommand();
        command.CommandText =
            """
            SELECT id, channel, category_code, sub_district_code, status, reported_at, dispatched_at, closed_at, department,
                   overdue_steps, reopened_count, merged_into_id, satisfied, supervision_level, step_due_at, in_corridor, lon, lat
            FROM tickets
            """;
        using var reader = command.ExecuteReader();
        var result = new List<RawTicket>();
        while (reader.Read())
        {
            result.Add(new RawTicket(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                Instant(reader, 5)!.Value, Instant(reader, 6), Instant(reader, 7), reader.IsDBNull(8) ? null : reader.GetString(8),
                reader.GetInt32(9), reader.GetInt32(10), reader.IsDBNull(11) ? null : reader.GetString(11),
                reader.IsDBNull(12) ? null : reader.GetBoolean(12), reader.GetInt32(13), Instant(reader, 14), reader.GetBoolean(15),
                reader.GetDouble(16), reader.GetDouble(17)));
        }

        return result;
    }

    private List<RawAlarm> ReadAlarms()
    {
        using var connection = _database.OpenRaw();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, source, severity, raised_at, cleared_at FROM alarms";
        using var reader = command.ExecuteReader();
        var result = new List<RawAlarm>();
        while (reader.Read())
        {
            result.Add(new RawAlarm(reader.GetString(0), reader.GetString(1), reader.GetString(2), Instant(reader, 3)!.Value, Instant(reader, 4)));
        }

        return result;
    }

    private static DateTimeOffset? Instant(System.Data.Common.DbDataReader reader, int column) =>
        reader.IsDBNull(column) ? null : new DateTimeOffset(reader.GetInt64(column), TimeSpan.Zero);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Tickets.Count} tickets, {Alarms.Count} alarms");
}

public sealed record RawTicket(
    string Id, string Channel, string Category, string SubDistrict, string Status, DateTimeOffset ReportedAt, DateTimeOffset? DispatchedAt,
    DateTimeOffset? ClosedAt, string? Department, int OverdueSteps, int ReopenedCount, string? MergedInto, bool? Satisfied,
    int SupervisionLevel, DateTimeOffset? StepDueAt, bool InCorridor, double Lon, double Lat)
{
    public bool IsMerged => Status == "Merged";

    public bool IsOpen => Status is "Discovered" or "Filed" or "Dispatched" or "Handling" or "Review";
}

public sealed record RawAlarm(string Id, string Source, string Severity, DateTimeOffset RaisedAt, DateTimeOffset? ClearedAt);
