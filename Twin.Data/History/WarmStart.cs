using System.Diagnostics;
using Twin.Data.Store;
using Twin.Domain.Cameras;
using Twin.Domain.Catalogue;
using Twin.Domain.Drones;
using Twin.Domain.Engine;
using Twin.Domain.Geography;
using Twin.Domain.Sensors;
using Twin.Domain.Simulation;
using Twin.Domain.Tickets;
using Twin.Domain.Time;

namespace Twin.Data.History;

/// <summary>How far a warm start has got, for the wall, the console and the health endpoint.</summary>
/// <param name="Fraction">0–1 of the simulated span written</param>
/// <param name="SimulatedUpTo">the instant the history has reached</param>
public sealed record WarmStartProgress(WarmStartStage Stage, double Fraction, DateTimeOffset SimulatedUpTo);

public enum WarmStartStage
{
    /// <summary>Replaying the simulated days before now and writing them into the store.</summary>
    WritingHistory,

    /// <summary>The month is written; the search index is built over it in one pass.</summary>
    IndexingHistory,

    /// <summary>The history is in the store; the engine is rebuilt from it next.</summary>
    Done,
}

/// <summary>What a warm start wrote and how long it took.</summary>
/// <param name="Writing">time the store spent writing the batches (on its own thread, beside the replay)</param>
/// <param name="WaitedForStore">time the replay stood still waiting for the store to take the next batch</param>
/// <param name="Indexing">time spent building the search index over the written month, after it</param>
/// <param name="HourlyRollups">sensor hours summed up (every device's hour before the current one)</param>
/// <param name="Missions">the fleet's missions flown in the span</param>
/// <param name="SummingUp">time spent working out and writing the rollups and the missions, after the replay</param>
/// <param name="WorkingOutRollups">the part of <paramref name="SummingUp"/> spent making the rollups' readings, not writing them</param>
public sealed record WarmStartResult(
    DateTimeOffset From, DateTimeOffset To, int Tickets, int Alarms, long Observations, TimeSpan Elapsed,
    TimeSpan Writing = default, TimeSpan WaitedForStore = default, TimeSpan Indexing = default,
    long HourlyRollups = 0, int Missions = 0, TimeSpan SummingUp = default, TimeSpan WorkingOutRollups = default);

/// <summary>
/// A first run's month of history: the simulator's previous days replayed through a private
/// engine on a <see cref="SteppedClock"/> (so tickets, 督办, merged duplicates, evaluations and
/// alarms come out of the same rules as live ones) and written into the store in large batches,
/// one transaction each. Devices report only around their breach episodes until the last hour,
/// which is replayed with every reading, so the store holds each alarm and smart case but not a
/// month of normal raw readings; every device's hours are then summed up from the simulator's own
/// generator (<see cref="TwinSimulator.HourlyRollups"/>) and the fleet's flights worked out from
/// the drone model (<see cref="FlightHistory"/>).
/// </summary>
public sealed class WarmStart(DistrictMap district, EventCatalogue catalogue, IReadOnlyList<Camera> cameras, SimulatorOptions options)
{
    /// <summary>The routes the simulated fleet patrols; none, and the month has no missions.</summary>
    public IReadOnlyList<PatrolRoute> PatrolRoutes { get; init; } = [];

    /// <summary>
    /// Inputs are simulated five minutes at a time. Reports, readings and detections carry their
    /// own instant; a status change is stamped with the latest instant before it in its step, so it
    /// lands at most a step early and never late (it cannot make a step overdue that was planned on time).
    /// </summary>
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(5);

    /// <summary>
    /// A batch is written once it holds this many events, or at the end of each simulated day: a
    /// case open across batches has its row rewritten in each, and each commit waits for the disk,
    /// so a day (about 10,000 events) rather than 6 hours means fewer of both.
    /// </summary>
    private const int EventsPerBatch = 50_000;

    private static readonly TimeSpan BatchSpan = TimeSpan.FromDays(1);

    /// <summary>Progress is reported this often (simulated), between batches too: a batch is a day, too coarse for a progress bar.</summary>
    private static readonly TimeSpan ProgressEvery = TimeSpan.FromHours(6);

    /// <summary>The last hour before now is replayed with every reading, so the store has the raw recent past.</summary>
    public static readonly TimeSpan RawTail = TimeSpan.FromHours(1);

    /// <summary>
    /// Writes the <see cref="SimulatorOptions.HistoryDays"/> days before <paramref name="now"/>
    /// (from that day's Shanghai midnight) into <paramref name="store"/>, which must be empty.
    /// Deterministic for a seed and a <paramref name="now"/>.
    /// </summary>
    public async Task<WarmStartResult> RunAsync(
        TwinStore store, DateTimeOffset now, IProgress<WarmStartProgress>? progress = null, CancellationToken ct = default)
    {
        var watch = Stopwatch.StartNew();
        var from = ShanghaiClock.StartOfDay(now).AddDays(-options.HistoryDays);
        if (options.HistoryDays == 0)
        {
            return new WarmStartResult(now, now, 0, 0, 0, watch.Elapsed);
        }

        // The search index is built once at the end, set-wise: the month goes in without it.
        await store.PauseSearchIndexAsync(ct);
        var clock = new SteppedClock(from);
        var engine = new TwinEngine(district, catalogue, clock, new EngineOptions { ProposeModes = false });
        var simulator = new TwinSimulator(district, catalogue, cameras, options) { EpisodeReadingsOnlyUntil = now - RawTail, RunsScenario = false };
        var (rainFrom, rainUntil) = RainySpell(from, now);
        simulator.AddRainySpell(rainFrom, rainUntil);
        simulator.KeepEpisodes();
        var alarmCalls = new List<AlarmCall>();
        var called = new HashSet<string>(StringComparer.Ordinal);

        var batch = new BatchBuilder();
        var acknowledgements = new PriorityQueue<AcknowledgeAlarmCommand, DateTimeOffset>();
        var tickets = 0;
        var alarms = 0;
        long observations = 0;
        var batchStart = from;
        var reportedAt = from;
        var writing = Task.CompletedTask;
        var writingTime = TimeSpan.Zero;
        var waited = TimeSpan.Zero;
        for (var stepFrom = from; stepFrom < now; stepFrom += Step)
        {
            ct.ThrowIfCancellationRequested();
            var stepTo = stepFrom + Step < now ? stepFrom + Step : now;

            // No snapshot: building one per step would cost more than the step; the officers'
            // acknowledgements follow the engine's alarm events instead.
            foreach (var command in simulator.Advance(stepFrom, stepTo, null))
            {
                if (TimeOf(command) is { } at)
                {
                    AcknowledgeDue(engine, clock, acknowledgements, at);
                    clock.AdvanceTo(at);
                }

                if (engine.Apply(command).Accepted)
                {
                    batch.Accepted(command);
                }
            }

            AcknowledgeDue(engine, clock, acknowledgements, stepTo);
            clock.AdvanceTo(stepTo);
            engine.Apply(new TickCommand());
            var events = engine.DrainEvents();
            foreach (var e in events)
            {
                switch (e)
                {
                    case TicketChanged { Transition.From: null }:
                        tickets++;
                        break;
                    case AlarmChanged { Change: AlarmChange.Raised } raised:
                        alarms++;
                        var (due, acknowledge) = simulator.PlanAcknowledgement(raised.Alarm);
                        acknowledgements.Enqueue(acknowledge, due);
                        break;
                }

                // What the drone simulator answers: an alarm critical in the corridor, the first time it is seen so.
                if (e is AlarmChanged { Alarm: { Severity: Twin.Domain.Alarms.AlarmSeverity.Critical, IsActive: true } critical }
                    && district.IsInCorridor(critical.Location) && called.Add(critical.Id))
                {
                    alarmCalls.Add(new AlarmCall(critical.Id, e.At, critical.Location));
                }
            }

            batch.Add(events, engine.DrainChangedSensors());
            if (batch.EventCount >= EventsPerBatch || stepTo - batchStart >= BatchSpan || stepTo >= now)
            {
                observations += batch.ObservationCount;

                // One batch is written on another thread while the next is simulated, so that the
                // engine and SQLite each have a core; the batches still commit in order.
                var waitedFrom = watch.Elapsed;
                await writing;
                waited += watch.Elapsed - waitedFrom;
                var built = batch.Build();
                writing = Task.Run(
                    async () =>
                    {
                        var writeFrom = Stopwatch.GetTimestamp();
                        await store.WriteAsync(built, ct);
                        writingTime += Stopwatch.GetElapsedTime(writeFrom);
                    },
                    ct);
                batchStart = stepTo;
            }

            if (stepTo - reportedAt >= ProgressEvery || stepTo >= now)
            {
                reportedAt = stepTo;
                progress?.Report(new WarmStartProgress(WarmStartStage.WritingHistory, (stepTo - from) / (now - from), stepTo));
            }
        }

        var lastFrom = watch.Elapsed;
        await writing;
        waited += watch.Elapsed - lastFrom;

        var summingFrom = Stopwatch.GetTimestamp();
        var currentHour = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerHour), TimeSpan.Zero);
        var workingOut = 0L;
        IEnumerable<SensorHour> Timed(IEnumerable<SensorHour> rollups)
        {
            using var each = rollups.GetEnumerator();
            while (true)
            {
                var started = Stopwatch.GetTimestamp();
                var more = each.MoveNext();
                workingOut += Stopwatch.GetTimestamp() - started;
                if (!more)
                {
                    yield break;
                }

                yield return each.Current;
            }
        }

        var (hours, _) = await store.WriteRollupsAsync(Timed(simulator.HourlyRollups(from, currentHour, now - RawTail)), currentHour, ct);
        var missions = FlightHistory.Fly(district, PatrolRoutes, options.DroneCount, alarmCalls, from, now);
        await store.WriteAsync(FleetBatch(missions, now), ct);
        var summing = Stopwatch.GetElapsedTime(summingFrom);
        progress?.Report(new WarmStartProgress(WarmStartStage.IndexingHistory, 1, now));
        var indexFrom = Stopwatch.GetTimestamp();
        await store.RebuildSearchIndexAsync(ct);
        var indexing = Stopwatch.GetElapsedTime(indexFrom);
        progress?.Report(new WarmStartProgress(WarmStartStage.Done, 1, now));
        return new WarmStartResult(from, now, tickets, alarms, observations, watch.Elapsed, writingTime, waited, indexing, hours, missions.Count, summing,
            Stopwatch.GetElapsedTime(0, workingOut));
    }

    /// <summary>The fleet docked, and its missions as they ended: what the pipeline would have written of them.</summary>
    private TwinBatch FleetBatch(IReadOnlyList<MissionState> missions, DateTimeOffset now)
    {
        var drones = PatrolRoutes.Count == 0 ? [] : DroneSimulator.Definitions(PatrolRoutes, options.DroneCount);
        IEnumerable<TwinEvent> fleet = drones.Select(d => new DroneChanged(0, now, DroneState.Docked(d), null));
        return new TwinBatch([], [], [.. fleet, .. missions.Select(m => new MissionChanged(0, m.UpdatedAt, m, m.Status == MissionStatus.Landed ? MissionStatus.Returning : MissionStatus.Flying))], []) { IsReplay = true };
    }

    /// <summary>Two to three rainy days (梅雨 or a typhoon's edge) in the middle third of the month, placed by the seed.</summary>
    internal (DateTimeOffset From, DateTimeOffset Until) RainySpell(DateTimeOffset from, DateTimeOffset now)
    {
        var rng = new Random(options.Seed + 13);
        var span = now - from;
        var start = from + span * (0.35 + 0.3 * rng.NextDouble());
        var until = start + TimeSpan.FromHours(48 + 24 * rng.NextDouble());
        return (start, until < now - RawTail ? until : now - RawTail);
    }

    /// <summary>Acknowledges the alarms due by <paramref name="until"/> that are still active (a cleared one needs none).</summary>
    private static void AcknowledgeDue(
        TwinEngine engine, SteppedClock clock, PriorityQueue<AcknowledgeAlarmCommand, DateTimeOffset> acknowledgements, DateTimeOffset until)
    {
        while (acknowledgements.TryPeek(out var command, out var due) && due <= until)
        {
            acknowledgements.Dequeue();
            if (engine.FindActiveAlarm(command.AlarmId) is not null)
            {
                clock.AdvanceTo(due);
                engine.Apply(command);
            }
        }
    }

    /// <summary>The instant an input happened, where it says so; status changes and acknowledgements happen "now".</summary>
    private static DateTimeOffset? TimeOf(TwinCommand command) => command switch
    {
        RecordObservationCommand c => c.Observation.ObservedAt,
        ReportTicketCommand c => c.Report.ReportedAt,
        RaiseAiVideoAlarmCommand c => c.Event.DetectedAt,
        _ => null,
    };

    /// <summary>Gathers what the pipeline would write for many steps, keeping each sensor's latest state once.</summary>
    private sealed class BatchBuilder
    {
        private List<Observation> _observations = [];
        private List<TicketReport> _tickets = [];
        private List<TwinEvent> _events = [];
        private Dictionary<string, SensorState> _sensors = new(StringComparer.Ordinal);

        public int EventCount => _events.Count;

        public int ObservationCount => _observations.Count;

        public void Accepted(TwinCommand command)
        {
            switch (command)
            {
                case RecordObservationCommand c:
                    _observations.Add(c.Observation);
                    break;
                case ReportTicketCommand c:
                    _tickets.Add(c.Report);
                    break;
            }
        }

        public void Add(IReadOnlyList<TwinEvent> events, IReadOnlyList<SensorState> sensors)
        {
            _events.AddRange(events);
            foreach (var sensor in sensors)
            {
                _sensors[sensor.Definition.Id] = sensor;
            }
        }

        public TwinBatch Build()
        {
            var batch = new TwinBatch(_observations, _tickets, _events, [.. _sensors.Values]) { IsReplay = true };
            _observations = [];
            _tickets = [];
            _events = [];
            _sensors = new Dictionary<string, SensorState>(StringComparer.Ordinal);
            return batch;
        }
    }
}
