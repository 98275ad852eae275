using Twin.Domain.Alarms;
using Twin.Domain.Cameras;
using Twin.Domain.Catalogue;
using Twin.Domain.Emergency;
using Twin.Domain.Engine;
using Twin.Domain.Geography;
using Twin.Domain.Sensors;
using Twin.Domain.Time;

namespace Twin.Domain.Simulation;

/// <summary>
/// A simulated Putuo: devices reporting, citizens and grid workers filing tickets, departments
/// working them through the loop, AI cameras spotting 高空抛物 and duty officers acknowledging
/// alarms. It only produces <see cref="TwinCommand"/>s; the host applies them to the engine. No
/// I/O, no clock of its own: the host says which interval to simulate.
/// <para>
/// Deterministic: the same seed and the same sequence of Advance calls (with the same snapshots)
/// give the same commands. Readings, tickets, AI events and episodes do not even depend on how time
/// is cut into calls; only the acknowledgements follow the snapshots passed in.
/// </para>
/// </summary>
public sealed partial class TwinSimulator
{
    /// <summary>The alarm kind of a thrown-object detection; also its catalogue category.</summary>
    public const string ThrownObjectKind = "thrown-object";

    private const int SortRegister = 0;
    private const int SortAcknowledge = 1;
    private const int SortObservation = 2;
    private const int SortTicketReport = 3;
    private const int SortTicketStatus = 4;
    private const int SortAiAlarm = 5;

    /// <summary>Share of breach episodes that reach the alarm level; the rest stop between warning and alarm.</summary>
    private const double AlarmEpisodeShare = 0.65;

    private readonly DistrictMap _district;
    private readonly EventCatalogue _catalogue;
    private readonly SimulatorOptions _options;
    private readonly DistrictSampler _sampler;
    private readonly SimSensor[] _sensors;
    private readonly Dictionary<string, SimSensor> _sensorsById;
    private readonly Camera[] _aiCameras;
    private readonly HashSet<string> _aiCameraIds;
    private readonly Random _breachRng;
    private readonly Random _outageRng;
    private readonly Random _staleGapRng;
    private readonly ArrivalStream _breaches;
    private readonly ArrivalStream _outages;
    private readonly ArrivalStream _staleGaps;
    private HashSet<string> _acknowledged = new(StringComparer.Ordinal);
    private DateTimeOffset? _origin;

    /// <param name="cameras">The camera layout; AI video events come from its <see cref="Camera.Ai"/> cameras.</param>
    /// <param name="floodPoints">Waterlogging points and underpasses: where the typhoon scenario's 积水 reports come from.</param>
    public TwinSimulator(DistrictMap district, EventCatalogue catalogue, IReadOnlyList<Camera> cameras, SimulatorOptions options, IReadOnlyList<FloodPoint>? floodPoints = null)
    {
        options.Validate();
        _district = district;
        _floodPoints = floodPoints ?? [];
        _catalogue = catalogue;
        _options = options;
        _sampler = new DistrictSampler(district);
        Sensors = SensorFleet.Create(district, options);
        _sensors = Sensors.Select((definition, index) => new SimSensor(definition, index, district.SubDistrictFor(definition.Location), options)).ToArray();
        _sensorsById = _sensors.ToDictionary(s => s.Definition.Id, StringComparer.Ordinal);
        _aiCameras = cameras.Where(c => c.Ai).ToArray();
        if (_aiCameras.Length == 0 && options.AiEventsPerDay > 0)
        {
            throw new ArgumentException("AI video events are configured but the camera layout has no AI camera.", nameof(cameras));
        }

        _aiCameraIds = _aiCameras.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        _aiCameraOrder = [.. _aiCameras];
        new Random(options.Seed + 15).Shuffle(_aiCameraOrder);
        // One generator per stream: a shared one would hand out numbers in an order that depends on
        // how time is cut into calls.
        _breachRng = new Random(options.Seed + 1);
        _outageRng = new Random(options.Seed + 10);
        _staleGapRng = new Random(options.Seed + 11);
        _breaches = new ArrivalStream(new Random(options.Seed + 2), options.BreachEpisodesPerDay, DailyProfile.Flat);
        _outages = new ArrivalStream(new Random(options.Seed + 3), options.OutagesPerDay, DailyProfile.Flat);
        _staleGaps = new ArrivalStream(new Random(options.Seed + 4), options.StaleGapsPerDay, DailyProfile.Flat);
        (_ticketArrivals, _aiEvents, _ticketRng, _aiRng, _planRng, _channels) = CreateTicketSources(catalogue, options);
        _places = new ComplaintPlaces(district, _sampler, CategoryRates(_channels, _ticketArrivals.PerDay), options.Seed, RoadPlace);
        _staffShare = options.SimulatedStaffShare;
        _priorityLine = PriorityLine(catalogue);
        _neighbourhoods = district.SubDistricts.ToDictionary(
            s => s.Code,
            s => district.Neighbourhoods.Where(n => n.SubDistrictCode == s.Code).ToArray(),
            StringComparer.Ordinal);
    }

    public IReadOnlyList<SensorDefinition> Sensors { get; }

    /// <summary>
    /// The commands for the simulated interval (<paramref name="from"/>, <paramref name="to"/>], in
    /// time order. The first call registers the sensors that <paramref name="current"/> lacks and
    /// takes over the open simulated tickets (ids T-…) it holds, so a restarted host carries on.
    /// Pass the engine's latest snapshot: it keeps the simulator from repeating what a duty officer
    /// already did (acknowledged an alarm, moved a ticket on). <paramref name="to"/> must not be
    /// ahead of the engine's clock. Time skipped between calls is skipped, not caught up.
    /// </summary>
    public IReadOnlyList<TwinCommand> Advance(DateTimeOffset from, DateTimeOffset to, TwinSnapshot? current)
    {
        if (to <= from)
        {
            return [];
        }

        var entries = new List<Entry>();
        if (_origin is null)
        {
            Start(from, current, entries);
        }

        if (current is not null)
        {
            AcknowledgeAlarms(from, to, current, entries);
            TakeUpAlarmCases(from, current);
        }

        AssignEpisodes(to);
        var newTickets = new List<PendingTicket>();
        Observe(from, to, newTickets, entries);
        ReceiveTickets(from, to, newTickets);
        DetectThrownObjects(from, to, newTickets, entries);
        AdvanceStorm(from, to, newTickets, entries);
        FileNewTickets(newTickets, current, entries);
        MoveTicketsOn(to, current, entries);

        entries.Sort(static (a, b) =>
        {
            var byTime = a.At.CompareTo(b.At);
            if (byTime != 0)
            {
                return byTime;
            }

            var byGroup = a.Group.CompareTo(b.Group);
            return byGroup != 0 ? byGroup : a.Key.CompareTo(b.Key);
        });
        var commands = new TwinCommand[entries.Count];
        for (var i = 0; i < commands.Length; i++)
        {
            commands[i] = entries[i].Command;
        }

        return commands;
    }

    private void Start(DateTimeOffset origin, TwinSnapshot? current, List<Entry> entries)
    {
        _origin = origin;
        _breaches.Start(origin);
        _outages.Start(origin);
        _staleGaps.Start(origin);
        _ticketArrivals.Start(origin);
        _aiEvents.Start(origin);

        var known = current?.Sensors.ToDictionary(s => s.Definition.Id, StringComparer.Ordinal) ?? [];
        foreach (var sensor in _sensors)
        {
            sensor.Origin = origin;
            if (known.TryGetValue(sensor.Definition.Id, out var state))
            {
                sensor.ValueState = state.ValueState;
                if (state.LastObservedAt is { } last)
                {
                    sensor.SkipTo(last);
                }
            }
            else
            {
                entries.Add(new Entry(origin, SortRegister, sensor.Index, new RegisterSensorCommand(sensor.Definition)));
            }
        }

        if (current is not null)
        {
            TakeOverOpenTickets(origin, current);
        }
    }

    /// <summary>
    /// A simulated duty officer acknowledges the simulator's own alarms a few minutes after they are
    /// raised, unless they are left to people (see <see cref="StaffWork(AlarmState)"/>). A threshold alarm is acknowledged only while its reading is still out of range, so the
    /// acknowledgement never reaches an alarm that this call's readings are about to clear.
    /// </summary>
    private void AcknowledgeAlarms(DateTimeOffset from, DateTimeOffset to, TwinSnapshot current, List<Entry> entries)
    {
        var pending = new HashSet<string>(StringComparer.Ordinal);
        foreach (var alarm in current.ActiveAlarms)
        {
            if (alarm.IsAcknowledged || !StaffWork(alarm))
            {
                continue;
            }

            if (_acknowledged.Contains(alarm.Id))
            {
                pending.Add(alarm.Id);
                continue;
            }

            var ours = alarm.Source switch
            {
                AlarmSource.SensorThreshold => _sensorsById.TryGetValue(alarm.SourceId, out var sensor) && sensor.ValueState != ValueState.Normal,
                AlarmSource.AiVideo => _aiCameraIds.Contains(alarm.SourceId),
                _ => false,
            };
            if (!ours || to - alarm.RaisedAt < AcknowledgeDelay(alarm.Id))
            {
                continue;
            }

            pending.Add(alarm.Id);
            entries.Add(new Entry(from, SortAcknowledge, DeterministicNoise.StableHash(alarm.Id), new AcknowledgeAlarmCommand(alarm.Id, DutyOfficer(to, alarm.Id), BySimulatedStaff: true)));
        }

        // Only ids the snapshot still shows unacknowledged are kept: once the engine has applied an
        // acknowledgement, the snapshot itself says so.
        _acknowledged = pending;
    }

    private TimeSpan AcknowledgeDelay(string alarmId)
    {
        var spread = _options.AcknowledgeMinutesMax - _options.AcknowledgeMinutesMin + 1;
        return TimeSpan.FromMinutes(_options.AcknowledgeMinutesMin + DeterministicNoise.StableHash(alarmId) % spread);
    }

    /// <summary>A role name, never a person's: two desks per eight-hour shift (值班员01–06).</summary>
    private static string DutyOfficer(DateTimeOffset at, string alarmId)
    {
        var shift = ((ShanghaiClock.ToLocal(at).Hour + 16) % 24) / 8;
        var desk = (int)(DeterministicNoise.StableHash(alarmId) % 2);
        return $"值班员{shift * 2 + desk + 1:D2}";
    }

    /// <summary>Draws the fleet-wide episodes up to <paramref name="to"/> and gives each to a device that is free.</summary>
    private void AssignEpisodes(DateTimeOffset to)
    {
        while (_breaches.TryTake(to, out var start))
        {
            var sensor = _sensors[_breachRng.Next(_sensors.Length)];
            var duration = TimeSpan.FromMinutes(10 + 50 * _breachRng.NextDouble());
            var thresholds = sensor.Definition.Thresholds;
            var span = thresholds.Alarm - thresholds.Warning;
            var peak = _breachRng.NextDouble() < AlarmEpisodeShare
                ? thresholds.Alarm + span * (0.1 + 0.4 * _breachRng.NextDouble())
                : thresholds.Warning + span * (0.2 + 0.5 * _breachRng.NextDouble());
            sensor.Breach(start, start + duration, peak);
        }

        while (_outages.TryTake(to, out var start))
        {
            var sensor = _sensors[_outageRng.Next(_sensors.Length)];
            sensor.Silence(start, start + TimeSpan.FromMinutes(15 + 75 * _outageRng.NextDouble()));
        }

        while (_staleGaps.TryTake(to, out var start))
        {
            var sensor = _sensors[_staleGapRng.Next(_sensors.Length)];
            sensor.Silence(start, start + sensor.Definition.ReportInterval * (4 + 4 * _staleGapRng.NextDouble()));
        }
    }

    private void Observe(DateTimeOffset from, DateTimeOffset to, List<PendingTicket> newTickets, List<Entry> entries)
    {
        // Asia/Shanghai has kept UTC+8 without daylight saving since 1991: one offset serves the call.
        var shanghaiOffset = ShanghaiClock.Zone.GetUtcOffset(to.UtcDateTime);
        foreach (var sensor in _sensors)
        {
            sensor.SkipTo(from);
            for (var at = sensor.NextAt; at <= to; at = sensor.NextAt)
            {
                if (at < EpisodeReadingsOnlyUntil && sensor.ResumeAt(at, EpisodeReadingsOnlyUntil) is var resume && resume > at)
                {
                    if (resume > to)
                    {
                        sensor.SkipTo(to);
                        break;
                    }

                    sensor.SkipTo(resume.AddTicks(-1));
                    continue;
                }

                var observation = sensor.NextObservation++;
                if (sensor.IsSilentAt(at))
                {
                    continue;
                }

                var hour = (at + shanghaiOffset).TimeOfDay.TotalHours;
                var value = WithStorm(sensor, at, sensor.Reading(_options.Seed, observation, at, hour, RainfallFor(sensor, at)));
                entries.Add(new Entry(at, SortObservation, sensor.Index, new RecordObservationCommand(new Observation(sensor.Definition.Id, value, at, sensor.BatteryPercent))));

                var previous = sensor.ValueState;
                sensor.ValueState = sensor.Definition.Thresholds.Next(previous, value);
                if (previous == ValueState.Normal && sensor.ValueState != ValueState.Normal)
                {
                    AddSmartCase(sensor, observation, at, newTickets);
                }
            }
        }
    }

    private readonly record struct Entry(DateTimeOffset At, int Group, long Key, TwinCommand Command);
}
