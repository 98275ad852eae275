using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Twin.Data.Store.Providers;
using Twin.Data.Tests.Support;
using Twin.Domain.Alarms;
using Twin.Domain.Engine;
using Twin.Domain.Sensors;
using Twin.Domain.Tickets;

namespace Twin.Data.Tests.Pipeline;

/// <summary>A twin restarted from its store is the twin that stopped.</summary>
public abstract class RestartTests(StorageProvider provider) : IDisposable
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Converters = { new TwelveDigitDoubles() },
    };

    private readonly TempDatabase _db = new(provider);

    public void Dispose() => _db.Dispose();

    public static TheoryData<DateTimeOffset> Starts => new()
    {
        Scenario.Morning,
        new DateTimeOffset(2026, 6, 10, 14, 30, 0, TimeSpan.Zero), // 22:30 in Shanghai: the run crosses midnight.
    };

    [Theory]
    [MemberData(nameof(Starts))]
    public async Task Restart_rebuilds_the_same_engine_state(DateTimeOffset start)
    {
        var clock = Scenario.Clock(start);
        TwinSnapshot before;
        await using (var twin = await PipelineHarness.StartAsync(_db, clock))
        {
            await RunMixedInputsAsync(twin, seed: 20260610, steps: 400);
            await twin.StopAsync();
            before = twin.Engine.Snapshot();
        }

        Assert.True(before.Tickets.Length > 20, "the scenario should report tickets");
        Assert.Contains(before.Tickets, t => !t.Status.IsOpen());
        Assert.Contains(before.Sensors, s => s.Health is SensorHealth.Offline or SensorHealth.Stale);
        Assert.True(before.VitalSigns.Alerts.SensorAlarmsToday + before.VitalSigns.Alerts.AiAlarmsToday > 0, "the scenario should raise alarms");

        await using var restarted = await PipelineHarness.StartAsync(_db, clock);
        var after = restarted.Engine.Snapshot();

        AssertSameItems(before.Sensors, after.Sensors);
        AssertSameItems(before.Tickets.OrderBy(t => t.Id, StringComparer.Ordinal), after.Tickets.OrderBy(t => t.Id, StringComparer.Ordinal));
        AssertSameItems(before.ActiveAlarms.OrderBy(a => a.Id, StringComparer.Ordinal), after.ActiveAlarms.OrderBy(a => a.Id, StringComparer.Ordinal));
        Assert.Equal(Counters(before.VitalSigns), Counters(after.VitalSigns));
        Assert.Equal(restarted.Pipeline.Current.Version, after.Version);

        // Alarm numbers continue after the highest stored one instead of overwriting it.
        await restarted.SubmitOkAsync(new RaiseAiVideoAlarmCommand(Scenario.AiEvent("CAM-NEW", clock.GetUtcNow())));
        var raised = Assert.Single(restarted.Pipeline.Current.ActiveAlarms, a => a.SourceId == "CAM-NEW");
        Assert.Single(await restarted.Store.GetAlarmHistoryAsync(raised.Id));
    }

    /// <summary>Item by item, so that a failure names the first record that differs rather than two long lists.</summary>
    private static void AssertSameItems<T>(IEnumerable<T> expected, IEnumerable<T> actual)
    {
        var e = expected.ToList();
        var a = actual.ToList();
        for (var i = 0; i < Math.Min(e.Count, a.Count); i++)
        {
            Assert.Equal(e[i], a[i]);
        }

        Assert.Equal(e.Count, a.Count);
    }

    /// <summary>
    /// All of the vital signs but the hourly samples of sensors online, which the engine takes on
    /// ticks and does not persist.
    /// </summary>
    private static string Counters(VitalSigns vitals) =>
        JsonSerializer.Serialize(vitals with { Look = vitals.Look with { SensorsOnlinePerHour = [] } }, Json);

    /// <summary>
    /// Means of durations are sums in whatever order the tickets come: a restarted engine adds them
    /// in another order than the live one, which moves the last bits. Twelve digits is exact enough.
    /// </summary>
    private sealed class TwelveDigitDoubles : JsonConverter<double>
    {
        public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException();

        public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString("G12", CultureInfo.InvariantCulture));
    }

    private static async Task RunMixedInputsAsync(PipelineHarness twin, int seed, int steps)
    {
        var random = new Random(seed);
        var clock = twin.Clock;
        var sensors = new List<string>();
        var kinds = Enum.GetValues<SensorKind>();
        for (var i = 0; i < kinds.Length * 3; i++)
        {
            var kind = kinds[i % kinds.Length];
            var definition = Scenario.Sensor($"{kind.Slug()}-{i}", kind, placement: i);
            await twin.SubmitOkAsync(new RegisterSensorCommand(definition));
            sensors.Add(definition.Id);
        }

        var channels = Enum.GetValues<TicketChannel>();
        var categories = twin.Engine.Catalogue.Categories;
        var tickets = new List<string>();
        for (var step = 0; step < steps; step++)
        {
            clock.Advance(TimeSpan.FromSeconds(random.Next(5, 90)));
            if (step % 60 == 59)
            {
                clock.Advance(TimeSpan.FromMinutes(15));
            }

            var now = clock.GetUtcNow();
            var roll = random.NextDouble();
            TwinCommand command;
            if (roll < 0.5)
            {
                var battery = random.NextDouble() < 0.2 ? random.Next(5, 101) : (double?)null;
                var reading = new Observation(sensors[random.Next(sensors.Count)], random.Next(0, 401) * 0.25, now, battery);
                command = new RecordObservationCommand(reading);
                if (random.NextDouble() < 0.3)
                {
                    Assert.True(twin.Pipeline.TryPost(command));
                    continue;
                }
            }
            else if (roll < 0.62)
            {
                var id = $"T-{step:D4}";
                tickets.Add(id);
                command = new ReportTicketCommand(Scenario.Ticket(id, now.AddMinutes(-random.Next(0, 600)), channels[random.Next(channels.Length)], random.Next(100)) with
                {
                    CategoryCode = categories[random.Next(categories.Count)].Code,
                    Reporter = new Reporter($"市民{random.Next(1000)}", $"139{random.Next(10_000_000, 99_999_999)}"),
                });
            }
            else if (roll < 0.75 && tickets.Count > 0)
            {
                var to = (TicketStatus)random.Next((int)TicketStatus.Filed, (int)TicketStatus.Evaluated + 1);
                command = new ChangeTicketStatusCommand(tickets[random.Next(tickets.Count)], to, "处置员", random.NextDouble() < 0.5 ? "现场处置" : null);
            }
            else if (roll < 0.82)
            {
                command = new RaiseAiVideoAlarmCommand(Scenario.AiEvent($"CAM-{random.Next(50)}", now, random.Next(100)) with
                {
                    Severity = (AlarmSeverity)random.Next(4),
                });
            }
            else if (roll < 0.9 && twin.Pipeline.Current.ActiveAlarms is { Length: > 0 } active)
            {
                command = new AcknowledgeAlarmCommand(active[random.Next(active.Length)].Id, "值班长");
            }
            else if (roll < 0.96)
            {
                command = new TickCommand();
            }
            else
            {
                command = new RecordObservationCommand(new Observation("NO-SUCH-SENSOR", 1, now));
            }

            // Refusals (a backward status change, an alarm already cleared) are part of the mix.
            await twin.Pipeline.SubmitAsync(command);
        }
    }
}

public sealed class RestartTestsOnSqlite() : RestartTests(StorageProvider.Sqlite);

public sealed class RestartTestsOnPostgres() : RestartTests(StorageProvider.Postgres);
