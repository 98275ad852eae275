using Twin.Domain.Alarms;
using Twin.Domain.Catalogue;
using Twin.Domain.Dispatch;
using Twin.Domain.Emergency;
using Twin.Domain.Geography;
using Twin.Domain.Privacy;
using Twin.Domain.Sensors;
using Twin.Domain.Tickets;
using Twin.Domain.Time;

namespace Twin.Domain.Engine;

/// <summary>
/// The aggregate of the whole twin. One writer applies inputs in order; every refused input
/// leaves the state untouched; readers get immutable <see cref="TwinSnapshot"/>s. It does no I/O
/// and reads time only from its <see cref="TimeProvider"/>. Not thread-safe for writes by design:
/// the host serialises inputs through one queue.
/// </summary>
public sealed partial class TwinEngine
{
    private const int SeriesHours = 24;

    private readonly DistrictMap _district;
    private readonly EventCatalogue _catalogue;
    private readonly TimeProvider _time;
    private readonly EngineOptions _options;
    private readonly EmergencyResources _emergency;
    private readonly List<TwinEvent> _pendingEvents = [];
    private long _eventSequence;
    private DateTimeOffset _todayStart;

    public TwinEngine(DistrictMap district, EventCatalogue catalogue, TimeProvider time, EngineOptions? options = null, EmergencyResources? emergency = null)
    {
        _district = district;
        _catalogue = catalogue;
        _time = time;
        _options = options ?? new EngineOptions();
        _todayStart = ShanghaiClock.StartOfDay(time.GetUtcNow());
        _duplicates = new DuplicateDetector(catalogue, _options.Duplicates);
        _emergency = emergency ?? EmergencyResources.PlansOnly(catalogue);
        _mode = OperatingMode.Daily(time.GetUtcNow());
        RestoreStock([]);
    }

    /// <summary>The plans and flood-control assets the engine runs with.</summary>
    public EmergencyResources Emergency => _emergency;

    public DistrictMap District => _district;

    public EventCatalogue Catalogue => _catalogue;

    /// <summary>Increases with every accepted input.</summary>
    public long Version { get; private set; }

    public DateTimeOffset Now => _time.GetUtcNow();

    /// <summary>The events made since the last call, in order.</summary>
    public IReadOnlyList<TwinEvent> DrainEvents()
    {
        if (_pendingEvents.Count == 0)
        {
            return [];
        }

        var drained = _pendingEvents.ToArray();
        _pendingEvents.Clear();
        return drained;
    }

    /// <summary>Advances time-driven state: sensor health, the day's counters, hourly samples, overdue steps (督办), unacknowledged alarms' escalation.</summary>
    public void Tick()
    {
        var now = Now;
        RollDayIfNeeded(now);
        SweepSensorHealth(now);
        SweepSla(now);
        SweepAlarmDuty(now);
        SweepDrones(now);
        SweepChecklist(now);
        _sensorsOnlineSamples.Add(now, _healthCounts[(int)SensorHealth.Online] + _healthCounts[(int)SensorHealth.LowBattery]);
        Version++;
    }

    public TwinSnapshot Snapshot()
    {
        var now = Now;
        return new TwinSnapshot(
            Version,
            now,
            SensorStates(),
            [.. _tickets.Values],
            [.. _activeAlarms.Values.OrderByDescending(a => a.Severity).ThenBy(a => a.RaisedAt)],
            new VitalSigns(LookFigures(now), PulseFigures(now), PerceptionFigures(now), AlertFigures(now), VoiceFigures(now)),
            DispatchFigures(now))
        {
            Drones = [.. _drones.Values.OrderBy(d => d.Id, StringComparer.Ordinal)],
            Missions = [.. _missions.Values.OrderBy(m => m.Id, StringComparer.Ordinal)],
            Mode = _mode,
            Proposals = [.. _openProposals.Values.OrderBy(p => p.ProposedAt).ThenBy(p => p.Id, StringComparer.Ordinal)],
            Checklist = ChecklistSteps(),
            Stock = StockLevels(),
            Rainfall = RainfallFigures(now),
        };
    }

    /// <summary>Replaces the whole state with what the store kept; counters are recomputed from it.</summary>
    public void Restore(EngineRestoreState state)
    {
        var now = Now;
        ResetSensors();
        foreach (var sensor in state.Sensors)
        {
            var slot = AddSensorSlot(sensor);
            slot.RegisteredAt = sensor.LastObservedAt ?? now;
        }

        foreach (var aggregate in state.ObservationAggregates)
        {
            _kindSeries[(int)aggregate.Kind].AddAggregate(aggregate.HourStart, aggregate.Sum, aggregate.Count);
        }

        ResetTickets();
        foreach (var stored in state.Tickets)
        {
            // Rows written before free-text masking existed are masked on their way in.
            var ticket = stored with { Title = FreeTextMask.Mask(stored.Title), Description = FreeTextMask.Mask(stored.Description) };
            _tickets[ticket.Id] = ticket;
            _ticketsIn.Add(ticket.ReportedAt);
            if (ticket.ClosedAt is { } closedAt)
            {
                _ticketsClosed.Add(closedAt);
            }

            if (ticket.Channel == TicketChannel.Hotline12345)
            {
                _hotline.Add(ticket.ReportedAt);
            }
        }

        RebuildDispatchState(now);
        ResetAlarms();
        _todayStart = ShanghaiClock.StartOfDay(now);
        foreach (var stored in state.Alarms)
        {
            // Rows written before alarm texts were masked are masked on their way in.
            var alarm = stored with
            {
                Title = FreeTextMask.Mask(stored.Title),
                AcknowledgementNote = stored.AcknowledgementNote is { } note ? FreeTextMask.Mask(note) : null,
            };
            _alarmsRaised.Add(alarm.RaisedAt);
            if (alarm.IsActive)
            {
                AddActiveAlarm(alarm);
                if (alarm.Source == AlarmSource.SensorThreshold && _sensors.TryGetValue(alarm.SourceId, out var slot))
                {
                    slot.ActiveAlarmId = alarm.Id;
                }
            }

            if (alarm.RaisedAt >= _todayStart)
            {
                CountAlarmToday(alarm);
            }
        }

        _nextAlarmNumber = state.NextAlarmNumber;
        ResetDrones(state);
        RestoreMode(state.Emergency);
        RestoreRainfall(state.RainfallAggregates);
        _todayStart = ShanghaiClock.StartOfDay(now);
        RecountToday();
        Version++;
    }

    private void RollDayIfNeeded(DateTimeOffset now)
    {
        if (now >= _todayStart.AddDays(1))
        {
            StartNewDay(now);
        }
    }

    // Kept apart from the check above, which runs on every input: the closure of the lambda below
    // is allocated on entry to the method that declares what it captures.
    // A finished ticket is forgotten once it is older than yesterday's reports and its 评价 window
    // has passed: a closed case stays evaluable for the whole window, and memory holds at most the
    // window's closures (plus a day) beyond the two days of reports; older ones are read from the store.
    private void StartNewDay(DateTimeOffset now)
    {
        _todayStart = ShanghaiClock.StartOfDay(now);
        var yesterdayStart = _todayStart.AddDays(-1);
        foreach (var stale in _tickets.Values
                     .Where(t => !t.Status.IsOpen() && t.ReportedAt < yesterdayStart && !_options.Evaluation.IsOpen(t, now))
                     .Select(t => t.Id).ToList())
        {
            _tickets.Remove(stale);
            _duplicates.Remove(stale);
        }

        RecountToday();
        _sensorAlarmsToday = 0;
        _aiAlarmsToday = 0;
    }

    private bool IsTooFarAhead(DateTimeOffset at, DateTimeOffset now) => at > now + _options.MaxClockSkew;

    private long NextEventSequence() => ++_eventSequence;
}
