using System.Data.Common;
using Twin.Data.Alarms;
using Twin.Data.Store.Providers;
using Twin.Data.Audit;
using Twin.Data.Emergency;
using Twin.Data.Field;
using Twin.Data.Sensors;
using Twin.Domain.Drones;
using Twin.Domain.Engine;
using Twin.Domain.Field;
using Twin.Domain.Sensors;
using Twin.Domain.Tickets;

namespace Twin.Data.Store;

public sealed partial class TwinStore
{
    /// <summary>
    /// Writes one batch in ONE transaction: all of it is on disk when this returns, or none of it
    /// when it throws. Sensors go first (observations refer to them), then observations
    /// (INSERT OR IGNORE, so a replayed reading is stored once), then the events in order.
    /// Answers the row ids of the batch's observations, in order (stored now or found stored);
    /// none for a replayed past written into a store with no rollups yet, which nothing refers to.
    /// </summary>
    public async Task<IReadOnlyList<long>> WriteAsync(TwinBatch batch, CancellationToken ct = default)
    {
        if (batch.IsEmpty)
        {
            return [];
        }

        await _writeGate.WaitAsync(ct);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var writer = _writer ??= await WriteCommands.OpenAsync(_dialect, ct);
            try
            {
                return writer.Write(batch, _personalData, _audit is null ? null : (_audit, new BatchAudit(_time.GetUtcNow(), batch.IsReplay)), Fence, _time.GetUtcNow(), ct);
            }
            catch
            {
                // The transaction is rolled back; a fresh connection next time rules out one left in a bad state.
                writer.Dispose();
                _writer = null;
                throw;
            }
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>The write connection and its prepared statements, kept for the store's lifetime.</summary>
    private sealed partial class WriteCommands : IDisposable
    {
        private readonly StoreDialect _dialect;
        private readonly DbConnection _connection;
        private readonly DbCommand _upsertSensor;
        private readonly DbCommand _insertObservation;
        private readonly DbCommand _findObservation;
        private readonly DbCommand _upsertTicket;
        private readonly DbCommand _insertTicketHistory;
        private readonly DbCommand _upsertAlarm;
        private readonly DbCommand _insertAlarmHistory;
        private readonly DbCommand _insertAlarmArea;
        private readonly DbCommand _upsertDrone;
        private readonly DbCommand _insertTelemetry;
        private readonly DbCommand _upsertMission;
        private readonly DbCommand _insertEvidence;
        private readonly LateReadingRollups _lateRollups;

        private WriteCommands(StoreDialect dialect, DbConnection connection)
        {
            _dialect = dialect;
            _connection = connection;
            _lateRollups = new LateReadingRollups(dialect, connection);
            _upsertSensor = Prepare(
                """
                INSERT INTO sensors (id, kind, name, lon, lat, unit, warning_level, alarm_level, hysteresis, high_is_bad,
                    report_interval_ticks, sub_district_code, in_corridor, last_value, last_observed_at, battery_percent, value_state, health, thing_id)
                VALUES (@id, @kind, @name, @lon, @lat, @unit, @warning_level, @alarm_level, @hysteresis, @high_is_bad,
                    @report_interval_ticks, @sub_district_code, @in_corridor, @last_value, @last_observed_at, @battery_percent, @value_state, @health, @thing_id)
                ON CONFLICT (id) DO UPDATE SET
                    kind = excluded.kind, name = excluded.name, lon = excluded.lon, lat = excluded.lat, unit = excluded.unit,
                    warning_level = excluded.warning_level, alarm_level = excluded.alarm_level, hysteresis = excluded.hysteresis,
                    high_is_bad = excluded.high_is_bad, report_interval_ticks = excluded.report_interval_ticks,
                    sub_district_code = excluded.sub_district_code, in_corridor = excluded.in_corridor, last_value = excluded.last_value,
                    last_observed_at = excluded.last_observed_at, battery_percent = excluded.battery_percent,
                    value_state = excluded.value_state, health = excluded.health, thing_id = excluded.thing_id
                """);
            _insertObservation = Prepare(
                """
                INSERT INTO observations (sensor_id, value, observed_at, battery_percent)
                VALUES (@sensor_id, @value, @observed_at, @battery_percent)
                ON CONFLICT DO NOTHING
                RETURNING id
                """);
            _findObservation = _connection.CreateCommand();
            _findObservation.CommandText = "SELECT id FROM observations WHERE sensor_id = @sensor_id AND observed_at = @observed_at";
            _findObservation.AddParameter("@sensor_id", null);
            _findObservation.AddParameter("@observed_at", null);
            _findObservation.Prepare();

            // The raw reporter is written once, when the ticket is created, and never overwritten by a state change.
            _upsertTicket = Prepare(
                """
                INSERT INTO tickets (id, channel, category_code, title, description, lon, lat, address, sub_district_code,
                    neighbourhood_code, reporter_masked, phone_masked, reporter_name, reporter_phone, priority, status, in_corridor,
                    reported_at, updated_at, dispatched_at, closed_at, department, coordinating_departments, supervision_level,
                    step_due_at, overdue_steps, reopened_count, merged_into_id, duplicates_count, possible_duplicate_of, satisfied, reporter_statement,
                    source_alarm_id)
                VALUES (@id, @channel, @category_code, @title, @description, @lon, @lat, @address, @sub_district_code,
                    @neighbourhood_code, @reporter_masked, @phone_masked, @reporter_name, @reporter_phone, @priority, @status, @in_corridor,
                    @reported_at, @updated_at, @dispatched_at, @closed_at, @department, @coordinating_departments, @supervision_level,
                    @step_due_at, @overdue_steps, @reopened_count, @merged_into_id, @duplicates_count, @possible_duplicate_of, @satisfied, @reporter_statement,
                    @source_alarm_id)
                ON CONFLICT (id) DO UPDATE SET
                    channel = excluded.channel, category_code = excluded.category_code, title = excluded.title,
                    description = excluded.description, lon = excluded.lon, lat = excluded.lat, address = excluded.address,
                    sub_district_code = excluded.sub_district_code, neighbourhood_code = excluded.neighbourhood_code,
                    reporter_masked = excluded.reporter_masked, phone_masked = excluded.phone_masked, priority = excluded.priority,
                    status = excluded.status, in_corridor = excluded.in_corridor, reported_at = excluded.reported_at,
                    updated_at = excluded.updated_at, dispatched_at = excluded.dispatched_at, closed_at = excluded.closed_at,
                    department = excluded.department, coordinating_departments = excluded.coordinating_departments,
                    supervision_level = excluded.supervision_level, step_due_at = excluded.step_due_at,
                    overdue_steps = excluded.overdue_steps, reopened_count = excluded.reopened_count,
                    merged_into_id = excluded.merged_into_id, duplicates_count = excluded.duplicates_count,
                    possible_duplicate_of = excluded.possible_duplicate_of, satisfied = excluded.satisfied
                """);
            _insertTicketHistory = Prepare(
                """
                INSERT INTO ticket_history (ticket_id, from_status, to_status, at, actor, note)
                VALUES (@ticket_id, @from_status, @to_status, @at, @actor, @note)
                RETURNING id
                """);
            _upsertAlarm = Prepare(
                """
                INSERT INTO alarms (id, source, source_id, kind, severity, title, lon, lat, sub_district_code, raised_at,
                    acknowledged_by, acknowledged_at, cleared_at, acknowledgement_note, owner, case_id, assigned_to, assignee_kind, duty_level, snapshot_id)
                VALUES (@id, @source, @source_id, @kind, @severity, @title, @lon, @lat, @sub_district_code, @raised_at,
                    @acknowledged_by, @acknowledged_at, @cleared_at, @acknowledgement_note, @owner, @case_id, @assigned_to, @assignee_kind, @duty_level, @snapshot_id)
                ON CONFLICT (id) DO UPDATE SET
                    source = excluded.source, source_id = excluded.source_id, kind = excluded.kind, severity = excluded.severity,
                    title = excluded.title, lon = excluded.lon, lat = excluded.lat, sub_district_code = excluded.sub_district_code,
                    raised_at = excluded.raised_at, acknowledged_by = excluded.acknowledged_by,
                    acknowledged_at = excluded.acknowledged_at, cleared_at = excluded.cleared_at,
                    acknowledgement_note = excluded.acknowledgement_note, case_id = excluded.case_id, assigned_to = excluded.assigned_to,
                    assignee_kind = excluded.assignee_kind, duty_level = excluded.duty_level, snapshot_id = excluded.snapshot_id
                """);
            _insertAlarmHistory = Prepare(
                """
                INSERT INTO alarm_history (alarm_id, change, at, severity, actor, note)
                VALUES (@alarm_id, @change, @at, @severity, @actor, @note)
                RETURNING id
                """);
            _insertAlarmArea = Prepare(
                """
                INSERT INTO alarm_areas (alarm_id, area)
                VALUES (@alarm_id, @area)
                ON CONFLICT (alarm_id) DO UPDATE SET area = excluded.area
                """);
            _upsertDrone = Prepare(
                """
                INSERT INTO drones (id, model, home_lon, home_lat, max_speed_mps, feed_url, status, lon, lat, altitude_m,
                    heading_deg, speed_mps, battery_percent, link_percent, last_telemetry_at, mission_id)
                VALUES (@id, @model, @home_lon, @home_lat, @max_speed_mps, @feed_url, @status, @lon, @lat, @altitude_m,
                    @heading_deg, @speed_mps, @battery_percent, @link_percent, @last_telemetry_at, @mission_id)
                ON CONFLICT (id) DO UPDATE SET
                    model = excluded.model, home_lon = excluded.home_lon, home_lat = excluded.home_lat,
                    max_speed_mps = excluded.max_speed_mps, feed_url = excluded.feed_url, status = excluded.status,
                    lon = excluded.lon, lat = excluded.lat, altitude_m = excluded.altitude_m, heading_deg = excluded.heading_deg,
                    speed_mps = excluded.speed_mps, battery_percent = excluded.battery_percent, link_percent = excluded.link_percent,
                    last_telemetry_at = excluded.last_telemetry_at, mission_id = excluded.mission_id
                """);
            _insertTelemetry = Prepare(
                """
                INSERT INTO drone_telemetry (drone_id, at, lon, lat, altitude_m, heading_deg, speed_mps, battery_percent, link_percent)
                VALUES (@drone_id, @at, @lon, @lat, @altitude_m, @heading_deg, @speed_mps, @battery_percent, @link_percent)
                """);
            _upsertMission = Prepare(
                """
                INSERT INTO missions (id, drone_id, kind, status, route_id, target_id, waypoints, planned_at, scheduled_for, updated_at, actor, note)
                VALUES (@id, @drone_id, @kind, @status, @route_id, @target_id, @waypoints, @planned_at, @scheduled_for, @updated_at, @actor, @note)
                ON CONFLICT (id) DO UPDATE SET
                    status = excluded.status, updated_at = excluded.updated_at, note = excluded.note
                """);
            _insertEvidence = Prepare(
                """
                INSERT INTO evidence (id, ticket_id, drone_id, captured_at, lon, lat, altitude_m, sha256, actor, jpeg)
                VALUES (@id, @ticket_id, @drone_id, @captured_at, @lon, @lat, @altitude_m, @sha256, @actor, @jpeg)
                """);
        }

        public static async Task<WriteCommands> OpenAsync(StoreDialect dialect, CancellationToken ct)
        {
            var connection = await dialect.OpenAsync(ct);
            try
            {
                return new WriteCommands(dialect, connection);
            }
            catch
            {
                await connection.DisposeAsync();
                throw;
            }
        }

        public IReadOnlyList<long> Write(TwinBatch batch, IContactProtector personalData, (AuditChain Chain, BatchAudit Rows)? audit, IWriteFence? fence, DateTimeOffset now, CancellationToken ct)
        {
            using var transaction = _dialect.BeginWrite(_connection);
            Enlist(transaction);

            foreach (var sensor in batch.ChangedSensors)
            {
                UpsertSensor(sensor);
            }

            ct.ThrowIfCancellationRequested();
            var observationIds = new long[batch.Observations.Count];
            var rollupsToFold = observationIds.Length > 0 && _lateRollups.Begin(transaction);
            if (batch.IsReplay && !rollupsToFold)
            {
                InsertReplayObservations(batch.Observations, transaction);
                observationIds = [];
            }

            if (_connection.CanCreateBatch && observationIds.Length > 1)
            {
                InsertObservationsBatched(batch.Observations, observationIds, transaction);
            }

            for (var i = 0; i < observationIds.Length; i++)
            {
                if (observationIds[i] == 0)
                {
                    observationIds[i] = InsertObservation(batch.Observations[i], out var inserted);
                    if (inserted)
                    {
                        _lateRollups.Fold(batch.Observations[i]);
                    }
                }
            }

            ct.ThrowIfCancellationRequested();
            var reporters = batch.NewTickets.Count == 0
                ? null
                : batch.NewTickets.ToDictionary(r => r.Id, r => Protect(r, personalData), StringComparer.Ordinal);
            var tickets = LatestTickets(batch.Events);
            foreach (var change in batch.Events)
            {
                switch (change)
                {
                    case TicketChanged t when batch.IsReplay:
                        DeferTicketStep(t.Transition, tickets.Remove(t.Ticket.Id, out var state) ? state : null, reporters?.GetValueOrDefault(t.Ticket.Id));
                        break;
                    case TicketChanged t:
                        if (tickets.Remove(t.Ticket.Id, out var latest))
                        {
                            UpsertTicket(latest, reporters?.GetValueOrDefault(t.Ticket.Id));
                        }

                        var ticketStep = InsertTicketHistory(t.Transition);
                        audit?.Rows.TicketStep(t.Transition, ticketStep);
                        break;
                    case AlarmChanged a:
                        UpsertAlarm(a.Alarm);
                        var alarmStep = InsertAlarmHistory(a);
                        audit?.Rows.AlarmStep(a, alarmStep);
                        if (a is { Change: AlarmChange.Raised, Alarm.Area: { } area })
                        {
                            InsertAlarmArea(a.Alarm.Id, area);
                        }

                        if (a is { Change: AlarmChange.FiledAsCase, Alarm: { SnapshotId: { } snapshot, CaseId: { } caseId } })
                        {
                            // The case's row may still be a deferred step of a replay: evidence refers to it.
                            WritePendingTicketSteps(transaction, audit?.Rows);
                            AlarmSnapshotWrites.AttachToCase(_connection, transaction, snapshot, caseId, a.Actor ?? TwinEngine.AutoFiler);
                        }

                        break;
                    case DroneChanged d:
                        UpsertDrone(d.Drone);
                        if (d.Telemetry is { } telemetry)
                        {
                            InsertTelemetry(telemetry);
                        }

                        break;
                    case MissionChanged m:
                        UpsertMission(m.Mission);
                        break;
                    case AlarmSnapshotTaken s:
                        AlarmSnapshotWrites.Insert(_connection, transaction, s.Snapshot);
                        break;
                    case EvidenceAttached e:
                        WritePendingTicketSteps(transaction, audit?.Rows);
                        InsertEvidence(e.Evidence);
                        break;
                    case FieldReportSubmitted f:
                        WritePendingTicketSteps(transaction, audit?.Rows);
                        FieldWrites.Write(_connection, transaction, f);
                        audit?.Rows.FieldReport(f);
                        break;
                    case SensorRemoved r:
                        SensorRemoval.Delete(_connection, transaction, r.Sensor.Definition.Id);
                        audit?.Rows.SensorRemoved(r);
                        break;
                    case SensorThresholdsChanged t:
                        // The levels are on the sensor's row, upserted above with the batch's changed sensors.
                        audit?.Rows.SensorThresholds(t);
                        break;
                    default:
                        EmergencyWrites.TryWrite(_connection, transaction, change);
                        audit?.Rows.Emergency(change);
                        break;
                }
            }

            WritePendingTicketSteps(transaction, audit?.Rows);
            if (audit is { } auditing)
            {
                AuditAppender.Append(_dialect, _connection, transaction, auditing.Chain, auditing.Rows.Complete());
            }

            if (batch.InboxAnswers is { } answers)
            {
                Nodes.InboxAnswers.Write(_connection, transaction, answers(observationIds), now);
            }

            // Last before the commit: the row it reads stays locked until the commit, so a new writer's take-over waits for this batch.
            fence?.Check(_connection, transaction);
            ct.ThrowIfCancellationRequested();
            transaction.Commit();
            return observationIds;
        }

        public void Dispose()
        {
            _upsertSensor.Dispose();
            _insertObservation.Dispose();
            _findObservation.Dispose();
            _upsertTicket.Dispose();
            _insertTicketHistory.Dispose();
            _upsertAlarm.Dispose();
            _insertAlarmHistory.Dispose();
            _insertAlarmArea.Dispose();
            _upsertDrone.Dispose();
            _insertTelemetry.Dispose();
            _upsertMission.Dispose();
            _insertEvidence.Dispose();
            _lateRollups.Dispose();
            _insertReplayRows?.Dispose();
            _upsertTicketRows?.Dispose();
            _insertTicketStepRows?.Dispose();
            _connection.Dispose();
        }

        private void UpsertSensor(SensorState sensor)
        {
            var d = sensor.Definition;
            var p = _upsertSensor.Parameters;
            p[0].Value = d.Id;
            p[1].Value = d.Kind.ToString();
            p[2].Value = d.Name;
            p[3].Value = d.Location.Lon;
            p[4].Value = d.Location.Lat;
            p[5].Value = d.Unit;
            p[6].Value = d.Thresholds.Warning;
            p[7].Value = d.Thresholds.Alarm;
            p[8].Value = d.Thresholds.Hysteresis;
            p[9].Value = d.Thresholds.HighIsBad;
            p[10].Value = d.ReportInterval.Ticks;
            p[11].Value = sensor.SubDistrictCode;
            p[12].Value = sensor.InCorridor;
            p[13].Value = Nullable(sensor.LastValue);
            p[14].Value = UtcTicks.FromNullable(sensor.LastObservedAt);
            p[15].Value = Nullable(sensor.BatteryPercent);
            p[16].Value = sensor.ValueState.ToString();
            p[17].Value = sensor.Health.ToString();
            p[18].Value = (object?)d.ThingId ?? DBNull.Value;
            _upsertSensor.ExecuteNonQuery();
        }

        /// <summary>The new row's id, or the id of the copy already stored at that sensor and time.</summary>
        private long InsertObservation(in Observation observation, out bool inserted)
        {
            var p = _insertObservation.Parameters;
            p[0].Value = observation.SensorId;
            p[1].Value = observation.Value;
            p[2].Value = UtcTicks.From(observation.ObservedAt);
            p[3].Value = Nullable(observation.BatteryPercent);
            inserted = false;
            if (_insertObservation.ExecuteScalar() is long id)
            {
                inserted = true;
                return id;
            }

            var f = _findObservation.Parameters;
            f[0].Value = observation.SensorId;
            f[1].Value = p[2].Value;
            return (long)_findObservation.ExecuteScalar()!;
        }

        /// <summary>
        /// Each ticket's state after the batch: its row is written once, where it first appears (in a
        /// replay, at the batch's end) and before its history rows, which refer to it, already in that state. A ticket changes
        /// several times in a warm start's one-day batch; the row in between is never read.
        /// </summary>
        private static Dictionary<string, TicketState> LatestTickets(IReadOnlyList<TwinEvent> events)
        {
            var latest = new Dictionary<string, TicketState>(StringComparer.Ordinal);
            foreach (var change in events)
            {
                if (change is TicketChanged t)
                {
                    latest[t.Ticket.Id] = t.Ticket;
                }
            }

            return latest;
        }

        private static object Nullable(double? value) => value is { } v ? v : DBNull.Value;

        private void Enlist(DbTransaction transaction)
        {
            _upsertSensor.Transaction = transaction;
            _insertObservation.Transaction = transaction;
            _findObservation.Transaction = transaction;
            _upsertTicket.Transaction = transaction;
            _insertTicketHistory.Transaction = transaction;
            _upsertAlarm.Transaction = transaction;
            _insertAlarmHistory.Transaction = transaction;
            _insertAlarmArea.Transaction = transaction;
            _upsertDrone.Transaction = transaction;
            _insertTelemetry.Transaction = transaction;
            _upsertMission.Transaction = transaction;
            _insertEvidence.Transaction = transaction;
        }
    }
}
