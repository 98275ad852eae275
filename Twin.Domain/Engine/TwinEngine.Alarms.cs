using Twin.Domain.Alarms;
using Twin.Domain.Drones;
using Twin.Domain.Geography;
using Twin.Domain.Privacy;

namespace Twin.Domain.Engine;

public sealed partial class TwinEngine
{
    private static readonly int SeverityCount = Enum.GetValues<AlarmSeverity>().Length;

    private readonly Dictionary<string, AlarmState> _activeAlarms = new(StringComparer.Ordinal);
    private readonly int[] _activeBySeverity = new int[SeverityCount];
    private BucketSeries _alarmsRaised = NewHourly();
    private int _unacknowledged;
    private int _sensorAlarmsToday;
    private int _aiAlarmsToday;
    private long _nextAlarmNumber = 1;

    public AlarmState? FindActiveAlarm(string id) => _activeAlarms.GetValueOrDefault(id);

    /// <summary>An AI video algorithm saw something (e.g. 高空抛物): it becomes an alarm at once.</summary>
    public InputResult RaiseAiVideoAlarm(AiVideoEvent videoEvent)
    {
        if (string.IsNullOrWhiteSpace(videoEvent.CameraId) || string.IsNullOrWhiteSpace(videoEvent.Kind))
        {
            return InputResult.Refused("An AI video event needs a camera id and a kind.");
        }

        if (string.IsNullOrWhiteSpace(videoEvent.Title))
        {
            return InputResult.Refused($"AI video event from {videoEvent.CameraId} needs a title.");
        }

        if (!Enum.IsDefined(videoEvent.Severity))
        {
            return InputResult.Refused($"AI video event from {videoEvent.CameraId}: unknown severity.");
        }

        if (!_district.Contains(videoEvent.Location))
        {
            return InputResult.Refused($"AI video event from {videoEvent.CameraId}: {videoEvent.Location} lies outside {_district.Name}.");
        }

        var now = Now;
        if (IsTooFarAhead(videoEvent.DetectedAt, now))
        {
            return InputResult.Refused($"AI video event from {videoEvent.CameraId}: detected at {videoEvent.DetectedAt:O}, ahead of the twin's clock.");
        }

        if (videoEvent.Snapshot is { } snapshot && !EvidenceRules.IsJpeg(snapshot, AlarmSnapshots.MaxBytes))
        {
            return InputResult.Refused(
                $"AI video event from {videoEvent.CameraId}: the snapshot must be one JPEG image of at most {AlarmSnapshots.MaxBytes / 1024} KB.",
                new(RefusalCode.EvidenceNotAnImage));
        }

        RollDayIfNeeded(now);
        RaiseAlarm(
            AlarmSource.AiVideo,
            videoEvent.CameraId,
            videoEvent.Kind,
            videoEvent.Severity,
            videoEvent.Title.Trim(),
            videoEvent.Location,
            _district.SubDistrictFor(videoEvent.Location).Code,
            videoEvent.DetectedAt,
            snapshot: videoEvent.Snapshot);
        Version++;
        return InputResult.Ok;
    }

    /// <summary>
    /// An officer has seen the alarm. A threshold alarm stays active until its value is back to
    /// normal; an AI video event is instantaneous, so acknowledging it also clears it. The note is
    /// kept with the alarm and its history.
    /// </summary>
    public InputResult AcknowledgeAlarm(string alarmId, string by, string? note = null, bool bySimulatedStaff = false)
    {
        if (!_activeAlarms.TryGetValue(alarmId ?? string.Empty, out var alarm))
        {
            return InputResult.Refused($"No active alarm '{alarmId}'.", new(RefusalCode.UnknownAlarm));
        }

        if (alarm.IsAcknowledged)
        {
            return InputResult.Refused($"Alarm {alarmId} was already acknowledged by {alarm.AcknowledgedBy}.", new(RefusalCode.AlarmAlreadyAcknowledged, alarm.AcknowledgedBy));
        }

        if (string.IsNullOrWhiteSpace(by))
        {
            return InputResult.Refused($"Alarm {alarmId}: acknowledging needs the officer's name.", new(RefusalCode.NeedsActor));
        }

        if (bySimulatedStaff && alarm.ClaimedBy is { } claimedBy)
        {
            return RefusedToSimulatedStaff($"Alarm {alarmId}", claimedBy);
        }

        var now = Now;
        var acknowledged = alarm with
        {
            AcknowledgedBy = by.Trim(),
            AcknowledgedAt = now,
            AcknowledgementNote = string.IsNullOrWhiteSpace(note) ? null : FreeTextMask.Mask(note.Trim()),
        };
        _activeAlarms[alarm.Id] = acknowledged;
        _unacknowledged--;
        _pendingEvents.Add(new AlarmChanged(NextEventSequence(), now, acknowledged, AlarmChange.Acknowledged, by.Trim()));
        if (alarm.Source == AlarmSource.AiVideo)
        {
            ClearAlarm(alarm.Id, now, by.Trim());
        }

        Version++;
        return InputResult.Ok;
    }

    /// <summary>The title is de-identified here, once for every source: a CAP headline is written by people too.</summary>
    private AlarmState RaiseAlarm(
        AlarmSource source, string sourceId, string kind, AlarmSeverity severity, string title, GeoPoint location, string subDistrictCode, DateTimeOffset at,
        AlarmArea? area = null, string? owner = null, byte[]? snapshot = null)
    {
        var id = $"A-{_nextAlarmNumber++:D8}";
        var alarm = new AlarmState(id, source, sourceId, kind, severity, FreeTextMask.Mask(title), location, subDistrictCode, at, null, null, null)
        {
            Area = area,
            Owner = owner,
            SnapshotId = snapshot is null ? null : AlarmSnapshots.IdFor(id),
        };
        AddActiveAlarm(alarm);
        _alarmsRaised.Add(at);
        if (at >= _todayStart)
        {
            CountAlarmToday(alarm);
        }

        _pendingEvents.Add(new AlarmChanged(NextEventSequence(), Now, alarm, AlarmChange.Raised, null));
        if (snapshot is not null)
        {
            // Before 自动立案: the case's evidence is copied from the stored snapshot.
            _pendingEvents.Add(new AlarmSnapshotTaken(NextEventSequence(), Now, AlarmSnapshot.Of(id, sourceId, at, snapshot)));
        }

        FileAutomaticallyIfRuled(alarm.Id);
        return _activeAlarms[alarm.Id];
    }

    private void ChangeAlarmSeverity(string alarmId, AlarmSeverity severity, string title, DateTimeOffset now)
    {
        var alarm = _activeAlarms[alarmId];
        if (alarm.Severity == severity)
        {
            return;
        }

        _activeBySeverity[(int)alarm.Severity]--;
        _activeBySeverity[(int)severity]++;
        var escalated = alarm with { Severity = severity, Title = title };
        _activeAlarms[alarmId] = escalated;
        _pendingEvents.Add(new AlarmChanged(NextEventSequence(), now, escalated, AlarmChange.Escalated, null));
        FileAutomaticallyIfRuled(alarmId);
    }

    private void ClearAlarm(string alarmId, DateTimeOffset at, string? actor)
    {
        if (!_activeAlarms.Remove(alarmId, out var alarm))
        {
            return;
        }

        _activeBySeverity[(int)alarm.Severity]--;
        if (!alarm.IsAcknowledged)
        {
            _unacknowledged--;
        }

        _pendingEvents.Add(new AlarmChanged(NextEventSequence(), Now, alarm with { ClearedAt = at }, AlarmChange.Cleared, actor));
    }

    private void AddActiveAlarm(AlarmState alarm)
    {
        _activeAlarms[alarm.Id] = alarm;
        _activeBySeverity[(int)alarm.Severity]++;
        if (!alarm.IsAcknowledged)
        {
            _unacknowledged++;
        }
    }

    private void CountAlarmToday(AlarmState alarm)
    {
        if (alarm.Source == AlarmSource.AiVideo)
        {
            _aiAlarmsToday++;
        }
        else
        {
            _sensorAlarmsToday++;
        }
    }

    private void ResetAlarms()
    {
        _activeAlarms.Clear();
        Array.Clear(_activeBySeverity);
        _alarmsRaised = NewHourly();
        _unacknowledged = 0;
        _sensorAlarmsToday = 0;
        _aiAlarmsToday = 0;
    }

    private AlertFigures AlertFigures(DateTimeOffset now)
    {
        DateTimeOffset? oldest = null;
        foreach (var alarm in _activeAlarms.Values)
        {
            if (!alarm.IsAcknowledged && (oldest is null || alarm.RaisedAt < oldest))
            {
                oldest = alarm.RaisedAt;
            }
        }

        return new AlertFigures(
            _activeBySeverity[(int)AlarmSeverity.Critical],
            _activeBySeverity[(int)AlarmSeverity.Major],
            _activeBySeverity[(int)AlarmSeverity.Minor],
            _activeBySeverity[(int)AlarmSeverity.Info],
            _unacknowledged,
            oldest is { } o ? now - o : null,
            (int)_alarmsRaised.SumBetween(now.AddHours(-1), now),
            _sensorAlarmsToday,
            _aiAlarmsToday,
            _alarmsRaised.Sums(now, SeriesHours));
    }

    private LookFigures LookFigures(DateTimeOffset now)
    {
        var facts = _options.Facts;
        return new LookFigures(
            _district.AreaKm2,
            facts.Population,
            _district.SubDistricts.Count,
            _district.Neighbourhoods.Count,
            _district.CreekLengthMetres / 1000.0,
            _sensorOrder.Count,
            _healthCounts[(int)Sensors.SensorHealth.Online] + _healthCounts[(int)Sensors.SensorHealth.LowBattery],
            facts.CamerasConnected,
            facts.CamerasTagged,
            facts.AiCamerasThrownObjects,
            facts.DataLakeRecords,
            facts.ResourceCatalogues,
            facts.MonthlyDataCalls,
            _sensorsOnlineSamples.Means(now, SeriesHours));
    }
}
