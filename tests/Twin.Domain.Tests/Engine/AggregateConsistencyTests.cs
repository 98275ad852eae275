using Microsoft.Extensions.Time.Testing;
using Twin.Domain.Alarms;
using Twin.Domain.Catalogue;
using Twin.Domain.Engine;
using Twin.Domain.Geography;
using Twin.Domain.Privacy;
using Twin.Domain.Sensors;
using Twin.Domain.Tests.Support;
using Twin.Domain.Tickets;

namespace Twin.Domain.Tests.Engine;

/// <summary>
/// The engine keeps its figures incrementally. A seeded random evening and night of mixed inputs,
/// across a Shanghai midnight, is recorded independently here and recounted by brute force: the
/// wall's numbers must equal the recount at every checkpoint.
/// </summary>
public class AggregateConsistencyTests
{
    private const int Steps = 6000;
    private const int SensorCount = 50;
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);
    private static readonly TicketChannel[] CitizenChannels =
        [TicketChannel.Hotline12345, TicketChannel.CitizenApp, TicketChannel.NonPolice110, TicketChannel.DeskCall, TicketChannel.DeskLetter, TicketChannel.DeskVisit];
    private static readonly TimeSpan[] ReportIntervals = [TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(10)];
    private static readonly string[] Surnames = ["张", "王", "李", "赵", "欧阳", "陈"];

    private static readonly Dictionary<SensorKind, (string Unit, Thresholds Thresholds)> Profiles = new()
    {
        [SensorKind.CreekWaterLevel] = ("m", new Thresholds(3.8, 4.5, 0.1)),
        [SensorKind.AirQuality] = ("AQI", new Thresholds(150, 200, 10)),
        [SensorKind.Noise] = ("dB(A)", new Thresholds(70, 85, 3)),
        [SensorKind.ManholeCover] = ("°", new Thresholds(10, 20, 2)),
        [SensorKind.Lift] = ("m/s²", new Thresholds(5, 8, 0.5)),
        [SensorKind.SecondaryWater] = ("mg/L", new Thresholds(0.2, 0.1, 0.02, HighIsBad: false)),
        [SensorKind.SiteDust] = ("µg/m³", new Thresholds(150, 250, 10)),
        [SensorKind.Smoke] = ("%/m", new Thresholds(5, 10, 1)),
        [SensorKind.RainGauge] = ("mm/h", new Thresholds(20, 35, 2)),
        [SensorKind.DissolvedOxygen] = ("mg/L", new Thresholds(3, 2, 0.2, HighIsBad: false)),
        [SensorKind.AmmoniaNitrogen] = ("mg/L", new Thresholds(1.5, 2.0, 0.1)),
    };

    private sealed class ModelSensor(SensorDefinition definition, DateTimeOffset registeredAt)
    {
        public SensorDefinition Definition { get; } = definition;
        public DateTimeOffset RegisteredAt { get; } = registeredAt;
        public double? LastValue { get; set; }
        public DateTimeOffset? LastObservedAt { get; set; }
        public double? Battery { get; set; }
        public ValueState State { get; set; }
        public string? AlarmId { get; set; }
    }

    private sealed class ModelTicket(TicketReport report, string subDistrictCode)
    {
        public TicketReport Report { get; } = report;
        public string SubDistrictCode { get; } = subDistrictCode;
        public TicketStatus Status { get; set; } = TicketStatus.Discovered;
        public DateTimeOffset? DispatchedAt { get; set; }
        public DateTimeOffset? ClosedAt { get; set; }
    }

    private sealed record ModelAlarm(string Id, AlarmSource Source, string SourceId, DateTimeOffset RaisedAt)
    {
        public AlarmSeverity Severity { get; set; }
        public bool Acknowledged { get; set; }
    }

    private sealed class Run(int seed)
    {
        public Random Random { get; } = new(seed);
        public Dictionary<string, ModelSensor> Sensors { get; } = new(StringComparer.Ordinal);
        public List<ModelSensor> SensorOrder { get; } = [];
        public Dictionary<string, ModelTicket> Tickets { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, ModelAlarm> ActiveAlarms { get; } = new(StringComparer.Ordinal);
        public List<ModelAlarm> RaisedAlarms { get; } = [];
        public Dictionary<string, int> Accepted { get; } = [];
        public int Refused { get; set; }
        public int Checkpoints { get; set; }
        public int MaxStale { get; set; }
        public int MaxOffline { get; set; }
        public int MaxAlarmState { get; set; }
        public int MaxClosedToday { get; set; }
    }

    [Theory]
    [InlineData(20250614)]
    [InlineData(310107)]
    public void The_wall_figures_equal_a_brute_force_recount_of_every_accepted_input(int seed)
    {
        // 20:30 in Shanghai; ~6000 steps of 0–10 s run past midnight into the small hours.
        var start = new DateTimeOffset(2025, 6, 14, 20, 30, 0, Shanghai);
        var time = new FakeTimeProvider(start);
        var map = TestGeo.Putuo;
        // The model recounts the inputs alone: cases filed from alarms (自动立案) and alarms escalated
        // on duty are the engine's own follow-ups, tested in AlarmCases/.
        var catalogue = new EventCatalogue(TestEngine.Catalogue.Categories.Select(c => c with { AutoFileFrom = null }).ToList());
        var rules = new AlarmEscalationRules
        {
            Critical = AlarmEscalationTimers.Never,
            Major = AlarmEscalationTimers.Never,
            Minor = AlarmEscalationTimers.Never,
        };

        // Random reports may land close together in one category; merging is tested in Dispatch/.
        var engine = new TwinEngine(map, catalogue, time, new EngineOptions { Duplicates = Twin.Domain.Dispatch.DuplicateRules.Off, AlarmEscalation = rules });
        var run = new Run(seed);

        for (var step = 0; step < Steps; step++)
        {
            time.Advance(TimeSpan.FromMilliseconds(run.Random.Next(0, 10_000)));
            var roll = run.Random.NextDouble();
            if (run.Sensors.Count < 20 || (run.Sensors.Count < SensorCount && roll < 0.02))
            {
                Register(run, engine, map, time.GetUtcNow());
            }
            else if (roll < 0.47)
            {
                Observe(run, engine, time.GetUtcNow());
            }
            else if (roll < 0.62)
            {
                ReportTicket(run, engine, map, catalogue, time.GetUtcNow());
            }
            else if (roll < 0.74)
            {
                ChangeStatus(run, engine, time.GetUtcNow());
            }
            else if (roll < 0.78)
            {
                RaiseAiAlarm(run, engine, map, time.GetUtcNow());
            }
            else if (roll < 0.86)
            {
                Acknowledge(run, engine);
            }
            else if (roll < 0.92)
            {
                engine.Tick();
                Assert.Empty(engine.DrainEvents().OfType<AlarmChanged>());
            }

            if (step % 500 == 499)
            {
                engine.Tick();
                engine.DrainEvents();
                Compare(run, engine, map, catalogue, time.GetUtcNow());
            }
        }

        engine.Tick();
        engine.DrainEvents();
        Compare(run, engine, map, catalogue, time.GetUtcNow());

        var end = time.GetUtcNow().ToOffset(Shanghai);
        Assert.Equal(start.Date.AddDays(1), end.Date);
        Assert.Equal(SensorCount, run.Sensors.Count);
        Assert.All(Enum.GetValues<SensorKind>(), k => Assert.Contains(run.SensorOrder, s => s.Definition.Kind == k));
        Assert.All(Enum.GetValues<TicketChannel>(), c => Assert.Contains(run.Tickets.Values, t => t.Report.Channel == c));
        Assert.All(["observation", "ticket", "status", "ai", "acknowledge"], kind => Assert.True(run.Accepted.GetValueOrDefault(kind) > 50, kind));
        Assert.True(run.Refused > 50);
        Assert.True(run.MaxStale > 0 && run.MaxOffline > 0 && run.MaxAlarmState > 0 && run.MaxClosedToday > 0);
    }

    private static void Register(Run run, TwinEngine engine, DistrictMap map, DateTimeOffset now)
    {
        var kind = (SensorKind)(run.Sensors.Count % Profiles.Count);
        var (unit, thresholds) = Profiles[kind];
        var definition = new SensorDefinition(
            $"S-{run.Sensors.Count:D3}", kind, $"{kind.NameZh()}{run.Sensors.Count}", TestGeo.RandomPointInside(run.Random, map), unit, thresholds,
            ReportIntervals[run.Random.Next(ReportIntervals.Length)]);

        Expect(run, engine.RegisterSensor(definition), true, "register");
        var sensor = new ModelSensor(definition, now);
        run.Sensors.Add(definition.Id, sensor);
        run.SensorOrder.Add(sensor);
        Assert.IsType<SensorRegistered>(Assert.Single(engine.DrainEvents()));
    }

    private static void Observe(Run run, TwinEngine engine, DateTimeOffset now)
    {
        var r = run.Random;
        if (r.NextDouble() < 0.02)
        {
            Expect(run, engine.RecordObservation(new Observation("S-999", 1, now)), false, "observation");
            return;
        }

        var sensor = run.SensorOrder[r.Next(run.SensorOrder.Count)];
        var t = sensor.Definition.Thresholds;
        var value = r.NextDouble() switch
        {
            < 0.45 => t.Warning + (r.NextDouble() * 4 - 2) * t.Hysteresis,
            < 0.65 => t.Alarm + (r.NextDouble() * 4 - 2) * t.Hysteresis,
            _ => t.HighIsBad ? t.Warning * (0.5 + r.NextDouble() * 1.2) : t.Alarm * (0.5 + r.NextDouble() * 2),
        };
        var battery = r.NextDouble() < 0.3 ? 5 + r.NextDouble() * 95 : (double?)null;
        var observedAt = r.NextDouble() < 0.03 && sensor.LastObservedAt is { } last ? last : now - TimeSpan.FromMilliseconds(r.Next(0, 20_000));
        var accepted = sensor.LastObservedAt is not { } previous || observedAt != previous;

        // A late reading (before the sensor's newest) is accepted into the history and changes no current figure.
        var late = sensor.LastObservedAt is { } newest && observedAt < newest;
        Expect(run, engine.RecordObservation(new Observation(sensor.Definition.Id, value, observedAt, battery)), accepted, "observation");
        var alarmEvents = engine.DrainEvents().OfType<AlarmChanged>().ToList();
        if (!accepted || late)
        {
            Assert.Empty(alarmEvents);
            return;
        }

        sensor.LastValue = value;
        sensor.LastObservedAt = observedAt;
        sensor.Battery = battery ?? sensor.Battery;
        var previousState = sensor.State;
        sensor.State = ReferenceState(previousState, value, t);
        if (sensor.State == previousState)
        {
            Assert.Empty(alarmEvents);
            return;
        }

        var change = Assert.Single(alarmEvents);
        Assert.Equal(sensor.Definition.Id, change.Alarm.SourceId);
        if (sensor.State == ValueState.Normal)
        {
            Assert.Equal((AlarmChange.Cleared, sensor.AlarmId), (change.Change, change.Alarm.Id));
            run.ActiveAlarms.Remove(sensor.AlarmId!);
            sensor.AlarmId = null;
            return;
        }

        var severity = ReferenceSeverity(sensor.Definition.Kind, sensor.State);
        if (previousState == ValueState.Normal)
        {
            Assert.Equal((AlarmChange.Raised, severity), (change.Change, change.Alarm.Severity));
            var alarm = new ModelAlarm(change.Alarm.Id, AlarmSource.SensorThreshold, sensor.Definition.Id, observedAt) { Severity = severity };
            run.ActiveAlarms.Add(alarm.Id, alarm);
            run.RaisedAlarms.Add(alarm);
            sensor.AlarmId = alarm.Id;
        }
        else
        {
            Assert.Equal((AlarmChange.Escalated, sensor.AlarmId, severity), (change.Change, change.Alarm.Id, change.Alarm.Severity));
            run.ActiveAlarms[sensor.AlarmId!].Severity = severity;
        }
    }

    private static void ReportTicket(Run run, TwinEngine engine, DistrictMap map, EventCatalogue catalogue, DateTimeOffset now)
    {
        var r = run.Random;
        var category = catalogue.Categories[r.Next(catalogue.Categories.Count)];
        var keyword = category.Keywords.Count > 0 && r.NextDouble() < 0.7 ? category.Keywords[r.Next(category.Keywords.Count)] : "情况";
        var location = TestGeo.RandomPointInside(r, map);
        var report = new TicketReport(
            $"T-{run.Tickets.Count:D5}",
            (TicketChannel)r.Next(Enum.GetValues<TicketChannel>().Length),
            category.Code,
            $"{category.NameZh}：{keyword}",
            "市民反映，请尽快处理",
            location,
            "普陀区某路某号",
            r.NextDouble() < 0.5 ? map.Neighbourhoods[r.Next(map.Neighbourhoods.Count)].Code : null,
            new Reporter(Surnames[r.Next(Surnames.Length)] + "某某", $"139{r.Next(10_000_000, 99_999_999)}"),
            now - TimeSpan.FromSeconds(r.Next(0, 900)));

        Expect(run, engine.ReportTicket(report), true, "ticket");
        run.Tickets.Add(report.Id, new ModelTicket(report, map.SubDistrictFor(location).Code));
        engine.DrainEvents();
    }

    private static void ChangeStatus(Run run, TwinEngine engine, DateTimeOffset now)
    {
        var r = run.Random;
        var movable = run.Tickets.Values.Where(t => t.Status < TicketStatus.Evaluated).ToList();
        if (movable.Count == 0)
        {
            return;
        }

        var ticket = movable[r.Next(movable.Count)];
        var forward = r.NextDouble() < 0.9;
        var to = forward
            ? (TicketStatus)Math.Min((int)TicketStatus.Evaluated, (int)ticket.Status + 1 + (r.NextDouble() < 0.2 ? r.Next(0, 3) : 0))
            : (TicketStatus)r.Next(0, (int)ticket.Status + 1);

        Expect(run, engine.ChangeTicketStatus(ticket.Report.Id, to, "处置员"), forward, "status");
        engine.DrainEvents();
        if (!forward)
        {
            return;
        }

        ticket.Status = to;
        ticket.DispatchedAt ??= to >= TicketStatus.Dispatched ? now : null;
        ticket.ClosedAt ??= to >= TicketStatus.Closed ? now : null;
    }

    private static void RaiseAiAlarm(Run run, TwinEngine engine, DistrictMap map, DateTimeOffset now)
    {
        var r = run.Random;
        var videoEvent = new AiVideoEvent(
            $"CAM-{r.Next(135):D3}", "thrown-object", "高空抛物", TestGeo.RandomPointInside(r, map),
            (AlarmSeverity)r.Next(Enum.GetValues<AlarmSeverity>().Length), now - TimeSpan.FromSeconds(r.Next(0, 60)));

        Expect(run, engine.RaiseAiVideoAlarm(videoEvent), true, "ai");
        var raised = Assert.Single(engine.DrainEvents().OfType<AlarmChanged>());
        Assert.Equal((AlarmChange.Raised, videoEvent.Severity, videoEvent.CameraId), (raised.Change, raised.Alarm.Severity, raised.Alarm.SourceId));
        var alarm = new ModelAlarm(raised.Alarm.Id, AlarmSource.AiVideo, videoEvent.CameraId, videoEvent.DetectedAt) { Severity = videoEvent.Severity };
        run.ActiveAlarms.Add(alarm.Id, alarm);
        run.RaisedAlarms.Add(alarm);
    }

    private static void Acknowledge(Run run, TwinEngine engine)
    {
        var r = run.Random;
        var candidates = run.RaisedAlarms;
        if (candidates.Count == 0)
        {
            return;
        }

        var alarm = candidates[r.Next(Math.Max(0, candidates.Count - 30), candidates.Count)];
        var accepted = run.ActiveAlarms.ContainsKey(alarm.Id) && !alarm.Acknowledged;

        Expect(run, engine.AcknowledgeAlarm(alarm.Id, "值班员"), accepted, "acknowledge");
        engine.DrainEvents();
        if (!accepted)
        {
            return;
        }

        alarm.Acknowledged = true;
        if (alarm.Source == AlarmSource.AiVideo)
        {
            run.ActiveAlarms.Remove(alarm.Id);
        }
    }

    private static void Expect(Run run, InputResult result, bool accepted, string kind)
    {
        Assert.True(result.Accepted == accepted, $"{kind}: expected {(accepted ? "acceptance" : "refusal")}, got {result}");
        if (accepted)
        {
            run.Accepted[kind] = run.Accepted.GetValueOrDefault(kind) + 1;
        }
        else
        {
            Assert.False(string.IsNullOrWhiteSpace(result.Reason));
            run.Refused++;
        }
    }

    private static void Compare(Run run, TwinEngine engine, DistrictMap map, EventCatalogue catalogue, DateTimeOffset now)
    {
        var snapshot = engine.Snapshot();
        var vital = snapshot.VitalSigns;
        var local = now.ToOffset(Shanghai);
        var today = new DateTimeOffset(local.Year, local.Month, local.Day, 0, 0, 0, Shanghai);
        var tickets = run.Tickets.Values.ToList();
        var ticketsToday = tickets.Where(t => t.Report.ReportedAt >= today).ToList();
        var citizenToday = ticketsToday.Where(t => CitizenChannels.Contains(t.Report.Channel)).ToList();
        run.Checkpoints++;

        // 城市之脉 and 城市之声
        Assert.Equal(tickets.Count(t => t.Status < TicketStatus.Closed), vital.Pulse.Backlog);
        Assert.Equal(ticketsToday.Count, vital.Pulse.TicketsToday);
        Assert.Equal(tickets.Count(t => t.ClosedAt >= today), vital.Pulse.ClosedToday);
        Assert.Equal(ticketsToday.Count(t => t.Report.Channel == TicketChannel.Hotline12345), vital.Voice.HotlineToday);
        Assert.Equal(ticketsToday.Count(t => t.Report.Channel == TicketChannel.CitizenApp), vital.Voice.CitizenAppToday);
        Assert.Equal(Top(citizenToday.Select(t => t.Report.CategoryCode)), Ranked(vital.Voice.TopCategories));
        Assert.Equal(Top(citizenToday.Select(t => t.SubDistrictCode)), Ranked(vital.Voice.HotspotSubDistricts));
        Assert.Equal(
            Top(citizenToday.SelectMany(t => catalogue.Find(t.Report.CategoryCode)!.Keywords
                .Where(w => t.Report.Title.Contains(w, StringComparison.Ordinal) || t.Report.Description.Contains(w, StringComparison.Ordinal)))),
            Ranked(vital.Voice.HotWords));
        run.MaxClosedToday = Math.Max(run.MaxClosedToday, vital.Pulse.ClosedToday);

        // 城市之警
        var active = run.ActiveAlarms.Values.ToList();
        Assert.Equal(
            (active.Count(a => a.Severity == AlarmSeverity.Critical), active.Count(a => a.Severity == AlarmSeverity.Major),
                active.Count(a => a.Severity == AlarmSeverity.Minor), active.Count(a => a.Severity == AlarmSeverity.Info)),
            (vital.Alerts.Critical, vital.Alerts.Major, vital.Alerts.Minor, vital.Alerts.Info));
        Assert.Equal(active.Count(a => !a.Acknowledged), vital.Alerts.Unacknowledged);
        Assert.Equal(run.RaisedAlarms.Count(a => a.Source == AlarmSource.SensorThreshold && a.RaisedAt >= today), vital.Alerts.SensorAlarmsToday);
        Assert.Equal(run.RaisedAlarms.Count(a => a.Source == AlarmSource.AiVideo && a.RaisedAt >= today), vital.Alerts.AiAlarmsToday);

        // 城市之感 and 城市之貌
        var health = run.SensorOrder.ToDictionary(s => s.Definition.Id, s => ReferenceHealth(s, now));
        foreach (var kind in Enum.GetValues<SensorKind>())
        {
            var ofKind = run.SensorOrder.Where(s => s.Definition.Kind == kind).ToList();
            var figures = vital.Perception.Of(kind);
            if (ofKind.Count == 0)
            {
                Assert.Null(figures);
                continue;
            }

            Assert.NotNull(figures);
            var values = ofKind.Where(s => s.LastValue is not null).Select(s => s.LastValue!.Value).ToList();
            Assert.Equal(
                (ofKind.Count,
                    ofKind.Count(s => health[s.Definition.Id] is SensorHealth.Online or SensorHealth.LowBattery),
                    ofKind.Count(s => health[s.Definition.Id] == SensorHealth.Stale),
                    ofKind.Count(s => health[s.Definition.Id] == SensorHealth.Offline),
                    ofKind.Count(s => s.State == ValueState.Warning),
                    ofKind.Count(s => s.State == ValueState.Alarm)),
                (figures.Total, figures.Online, figures.Stale, figures.Offline, figures.Warning, figures.Alarm));
            if (values.Count == 0)
            {
                Assert.Null(figures.Mean);
            }
            else
            {
                Assert.Equal(values.Average(), figures.Mean!.Value, 1e-9 * Math.Max(1, Math.Abs(values.Average())));
                Assert.Equal(values.Max(), figures.Max);
            }
        }

        Assert.Equal(run.SensorOrder.Count, vital.Look.SensorsTotal);
        Assert.Equal(health.Values.Count(h => h is SensorHealth.Online or SensorHealth.LowBattery), vital.Look.SensorsOnline);
        run.MaxStale = Math.Max(run.MaxStale, health.Values.Count(h => h == SensorHealth.Stale));
        run.MaxOffline = Math.Max(run.MaxOffline, health.Values.Count(h => h == SensorHealth.Offline));
        run.MaxAlarmState = Math.Max(run.MaxAlarmState, run.SensorOrder.Count(s => s.State == ValueState.Alarm));

        // The lists behind the figures.
        Assert.Equal(
            run.SensorOrder.Select(s => (s.Definition.Id, s.LastValue, s.LastObservedAt, s.Battery, s.State, health[s.Definition.Id])),
            snapshot.Sensors.Select(s => (s.Definition.Id, s.LastValue, s.LastObservedAt, s.BatteryPercent, s.ValueState, s.Health)));
        Assert.Equal(
            tickets.OrderBy(t => t.Report.Id, StringComparer.Ordinal).Select(t => (t.Report.Id, t.Report.Channel, t.Report.CategoryCode, t.SubDistrictCode,
                t.Status, t.Report.ReportedAt, t.DispatchedAt, t.ClosedAt, PersonalDataMask.MaskName(t.Report.Reporter.Name))),
            snapshot.Tickets.OrderBy(t => t.Id, StringComparer.Ordinal).Select(t => (t.Id, t.Channel, t.CategoryCode, t.SubDistrictCode,
                t.Status, t.ReportedAt, t.DispatchedAt, t.ClosedAt, t.ReporterMasked)));
        Assert.Equal(
            active.OrderBy(a => a.Id, StringComparer.Ordinal).Select(a => (a.Id, a.Source, a.SourceId, a.Severity, a.Acknowledged, a.RaisedAt)),
            snapshot.ActiveAlarms.OrderBy(a => a.Id, StringComparer.Ordinal).Select(a => (a.Id, a.Source, a.SourceId, a.Severity, a.IsAcknowledged, a.RaisedAt)));
    }

    /// <summary>The documented rule, written out independently of <see cref="Thresholds.Next"/>.</summary>
    private static ValueState ReferenceState(ValueState current, double value, Thresholds t)
    {
        double Past(double level) => t.HighIsBad ? value - level : level - value;
        if (Past(t.Alarm) >= 0 || (current == ValueState.Alarm && Past(t.Alarm) >= -t.Hysteresis))
        {
            return ValueState.Alarm;
        }

        return Past(t.Warning) >= 0 || (current != ValueState.Normal && Past(t.Warning) >= -t.Hysteresis) ? ValueState.Warning : ValueState.Normal;
    }

    private static AlarmSeverity ReferenceSeverity(SensorKind kind, ValueState state) => state switch
    {
        ValueState.Alarm when kind is SensorKind.CreekWaterLevel or SensorKind.Smoke => AlarmSeverity.Critical,
        ValueState.Alarm => AlarmSeverity.Major,
        _ => AlarmSeverity.Minor,
    };

    private static SensorHealth ReferenceHealth(ModelSensor sensor, DateTimeOffset now)
    {
        var silent = now - (sensor.LastObservedAt ?? sensor.RegisteredAt);
        var interval = sensor.Definition.ReportInterval;
        if (silent > interval * 10)
        {
            return SensorHealth.Offline;
        }

        if (silent > interval * 3)
        {
            return SensorHealth.Stale;
        }

        return sensor.Battery < 15 ? SensorHealth.LowBattery : SensorHealth.Online;
    }

    private static List<(string, int)> Top(IEnumerable<string> keys) =>
        keys.GroupBy(k => k).Select(g => (g.Key, g.Count()))
            .OrderByDescending(x => x.Item2).ThenBy(x => x.Key, StringComparer.Ordinal).Take(5).ToList();

    private static List<(string, int)> Ranked(IReadOnlyList<RankedItem> items) => items.Select(i => (i.Key, i.Count)).ToList();
}
