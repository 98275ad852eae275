using Microsoft.Data.Sqlite;
using Twin.Data.Alarms;
using Twin.Data.Drones;
using Twin.Data.Emergency;
using Twin.Data.Sensors;
using Twin.Domain.Alarms;
using Twin.Domain.Drones;
using Twin.Domain.Engine;
using Twin.Domain.Sensors;
using Twin.Domain.Tickets;

namespace Twin.Data.Store;

public sealed partial class TwinStore
{
    /// <summary>
    /// Writes one batch in ONE transaction: all of it is on disk when this returns, or none of it
    /// when it throws. Sensors go first (observations refer to them), then observations
    /// (INSERT OR IGNORE, so a replayed reading is stored once), then the events in order.
    /// Answers the row ids of the batch's observations, in order (stored now or found stored).
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
            var writer = _writer ??= await WriteCommands.OpenAsync(ConnectionString, ct);
            try
            {
                return writer.Write(batch, _personalData, ct);
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
    private sealed class WriteCommands : IDisposable
    {
        private readonly SqliteConnection _connection;
        private readonly SqliteCommand _upsertSensor;
        private readonly SqliteCommand _insertObservation;
        private readonly SqliteCommand _findObservation;
        private readonly SqliteCommand _upsertTicket;
        private readonly SqliteCommand _insertTicketHistory;
        private readonly SqliteCommand _upsertAlarm;
        private readonly SqliteCommand _insertAlarmHistory;
        private readonly SqliteCommand _insertAlarmArea;
        private readonly SqliteCommand _upsertDrone;
        private readonly SqliteCommand _insertTelemetry;
        private readonly SqliteCommand _upsertMission;
        private readonly SqliteCommand _insertEvidence;
        private readonly LateReadingRollups _lateRollups;

        private WriteCommands(SqliteConnection connection)
        {
            _connection = connection;
            _lateRollups = new LateReadingRollups(connection);
            _upsertSensor = Prepare(
                """
                INSERT INTO sensors (id, kind, name, lon, lat, unit, warning_level, alarm_level, hysteresis, high_is_bad,
                    report_interval_ticks, sub_district_code, in_corridor, last_value, last_observed_at, battery_percent, value_state, health)
                VALUES ($id, $kind, $name, $lon, $lat, $unit, $warning_level, $alarm_level, $hysteresis, $high_is_bad,
                    $report_interval_ticks, $sub_district_code, $in_corridor, $last_value, $last_observed_at, $battery_percent, $value_state, $health)
                ON CONFLICT (id) DO UPDATE SET
                    kind = excluded.kind, name = excluded.name, lon = excluded.lon, lat = excluded.lat, unit = excluded.unit,
                    warning_level = excluded.warning_level, alarm_level = excluded.alarm_level, hysteresis = excluded.hysteresis,
                    high_is_bad = excluded.high_is_bad, report_interval_ticks = excluded.report_interval_ticks,
                    sub_district_code = excluded.sub_district_code, in_corridor = excluded.in_corridor, last_value = excluded.last_value,
                    last_observed_at = excluded.last_observed_at, battery_percent = excluded.battery_percent,
                    value_state = excluded.value_state, health = excluded.health
                """);
            _insertObservation = Prepare(
                """
                INSERT OR IGNORE INTO observations (sensor_id, value, observed_at, battery_percent)
                VALUES ($sensor_id, $value, $observed_at, $battery_percent)
                RETURNING id
                """);
            _findObservation = _connection.CreateCommand();
            _findObservation.CommandText = "SELECT id FROM observations WHERE sensor_id = $sensor_id AND observed_at = $observed_at";
            _findObservation.Parameters.Add(new SqliteParameter("$sensor_id", DBNull.Value));
            _findObservation.Parameters.Add(new SqliteParameter("$observed_at", DBNull.Value));
            _findObservation.Prepare();

            // The raw reporter is written once, when the ticket is created, and never overwritten by a state change.
            _upsertTicket = Prepare(
                """
                INSERT INTO tickets (id, channel, category_code, title, description, lon, lat, address, sub_district_code,
                    neighbourhood_code, reporter_masked, phone_masked, reporter_name, reporter_phone, priority, status, in_corridor,
                    reported_at, updated_at, dispatched_at, closed_at, department, coordinating_departments, supervision_level,
                    step_due_at, overdue_steps, reopened_count, merged_into_id, duplicates_count, possible_duplicate_of, satisfied, reporter_statement)
                VALUES ($id, $channel, $category_code, $title, $description, $lon, $lat, $address, $sub_district_code,
                    $neighbourhood_code, $reporter_masked, $phone_masked, $reporter_name, $reporter_phone, $priority, $status, $in_corridor,
                    $reported_at, $updated_at, $dispatched_at, $closed_at, $department, $coordinating_departments, $supervision_level,
                    $step_due_at, $overdue_steps, $reopened_count, $merged_into_id, $duplicates_count, $possible_duplicate_of, $satisfied, $reporter_statement)
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
                VALUES ($ticket_id, $from_status, $to_status, $at, $actor, $note)
                """);
            _upsertAlarm = Prepare(
                """
                INSERT INTO alarms (id, source, source_id, kind, severity, title, lon, lat, sub_district_code, raised_at,
                    acknowledged_by, acknowledged_at, cleared_at, acknowledgement_note, owner)
                VALUES ($id, $source, $source_id, $kind, $severity, $title, $lon, $lat, $sub_district_code, $raised_at,
                    $acknowledged_by, $acknowledged_at, $cleared_at, $acknowledgement_note, $owner)
                ON CONFLICT (id) DO UPDATE SET
                    source = excluded.source, source_id = excluded.source_id, kind = excluded.kind, severity = excluded.severity,
                    title = excluded.title, lon = excluded.lon, lat = excluded.lat, sub_district_code = excluded.sub_district_code,
                    raised_at = excluded.raised_at, acknowledged_by = excluded.acknowledged_by,
                    acknowledged_at = excluded.acknowledged_at, cleared_at = excluded.cleared_at,
                    acknowledgement_note = excluded.acknowledgement_note
                """);
            _insertAlarmHistory = Prepare(
                """
                INSERT INTO alarm_history (alarm_id, change, at, severity, actor, note)
                VALUES ($alarm_id, $change, $at, $severity, $actor, $note)
                """);
            _insertAlarmArea = Prepare(
                """
                INSERT OR REPLACE INTO alarm_areas (alarm_id, area)
                VALUES ($alarm_id, $area)
                """);
            _upsertDrone = Prepare(
                """
                INSERT INTO drones (id, model, home_lon, home_lat, max_speed_mps, feed_url, status, lon, lat, altitude_m,
                    heading_deg, speed_mps, battery_percent, link_percent, last_telemetry_at, mission_id)
                VALUES ($id, $model, $home_lon, $home_lat, $max_speed_mps, $feed_url, $status, $lon, $lat, $altitude_m,
                    $heading_deg, $speed_mps, $battery_percent, $link_percent, $last_telemetry_at, $mission_id)
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
                VALUES ($drone_id, $at, $lon, $lat, $altitude_m, $heading_deg, $speed_mps, $battery_percent, $link_percent)
                """);
            _upsertMission = Prepare(
                """
                INSERT INTO missions (id, drone_id, kind, status, route_id, target_id, waypoints, planned_at, scheduled_for, updated_at, actor, note)
                VALUES ($id, $drone_id, $kind, $status, $route_id, $target_id, $waypoints, $planned_at, $scheduled_for, $updated_at, $actor, $note)
                ON CONFLICT (id) DO UPDATE SET
                    status = excluded.status, updated_at = excluded.updated_at, note = excluded.note
                """);
            _insertEvidence = Prepare(
                """
                INSERT INTO evidence (id, ticket_id, drone_id, captured_at, lon, lat, altitude_m, sha256, actor, jpeg)
                VALUES ($id, $ticket_id, $drone_id, $captured_at, $lon, $lat, $altitude_m, $sha256, $actor, $jpeg)
                """);
        }

        public static async Task<WriteCommands> OpenAsync(string connectionString, CancellationToken ct)
        {
            var connection = new SqliteConnection(connectionString);
            try
            {
                await connection.OpenAsync(ct);
                await SqlitePragmas.ApplyAsync(connection, ct);
                return new WriteCommands(connection);
            }
            catch
            {
                await connection.DisposeAsync();
                throw;
            }
        }

        public IReadOnlyList<long> Write(TwinBatch batch, IContactProtector personalData, CancellationToken ct)
        {
            // BEGIN IMMEDIATE: take the write lock up front rather than fail half-way on an upgrade.
            using var transaction = _connection.BeginTransaction(deferred: false);
            Enlist(transaction);

            foreach (var sensor in batch.ChangedSensors)
            {
                UpsertSensor(sensor);
            }

            ct.ThrowIfCancellationRequested();
            var observationIds = new long[batch.Observations.Count];
            if (observationIds.Length > 0)
            {
                _lateRollups.Begin(transaction);
            }

            for (var i = 0; i < observationIds.Length; i++)
            {
                observationIds[i] = InsertObservation(batch.Observations[i], out var inserted);
                if (inserted)
                {
                    _lateRollups.Fold(batch.Observations[i]);
                }
            }

            ct.ThrowIfCancellationRequested();
            var reporters = batch.NewTickets.Count == 0
                ? null
                : batch.NewTickets.ToDictionary(r => r.Id, r => Protect(r, personalData), StringComparer.Ordinal);
            foreach (var change in batch.Events)
            {
                switch (change)
                {
                    case TicketChanged t:
                        UpsertTicket(t.Ticket, reporters?.GetValueOrDefault(t.Ticket.Id));
                        InsertTicketHistory(t.Transition);
                        break;
                    case AlarmChanged a:
                        UpsertAlarm(a.Alarm);
                        InsertAlarmHistory(a);
                        if (a is { Change: AlarmChange.Raised, Alarm.Area: { } area })
                        {
                            InsertAlarmArea(a.Alarm.Id, area);
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
                    case EvidenceAttached e:
                        InsertEvidence(e.Evidence);
                        break;
                    case SensorRemoved r:
                        SensorRemoval.Delete(_connection, transaction, r.Sensor.Definition.Id);
                        break;
                    default:
                        EmergencyWrites.TryWrite(_connection, transaction, change);
                        break;
                }
            }

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

        private static Reporter Protect(TicketReport report, IContactProtector personalData) =>
            new(personalData.Protect(report.Reporter?.Name), personalData.Protect(report.Reporter?.Phone), personalData.Protect(Reporter.StatementOf(report)));

        private void UpsertTicket(TicketState ticket, Reporter? rawReporter)
        {
            var p = _upsertTicket.Parameters;
            p[0].Value = ticket.Id;
            p[1].Value = ticket.Channel.ToString();
            p[2].Value = ticket.CategoryCode;
            p[3].Value = ticket.Title;
            p[4].Value = ticket.Description;
            p[5].Value = ticket.Location.Lon;
            p[6].Value = ticket.Location.Lat;
            p[7].Value = ticket.Address;
            p[8].Value = ticket.SubDistrictCode;
            p[9].Value = (object?)ticket.NeighbourhoodCode ?? DBNull.Value;
            p[10].Value = ticket.ReporterMasked;
            p[11].Value = ticket.PhoneMasked;
            p[12].Value = (object?)rawReporter?.Name ?? DBNull.Value;
            p[13].Value = (object?)rawReporter?.Phone ?? DBNull.Value;
            p[14].Value = ticket.Priority.ToString();
            p[15].Value = ticket.Status.ToString();
            p[16].Value = ticket.InCorridor;
            p[17].Value = UtcTicks.From(ticket.ReportedAt);
            p[18].Value = UtcTicks.From(ticket.UpdatedAt);
            p[19].Value = UtcTicks.FromNullable(ticket.DispatchedAt);
            p[20].Value = UtcTicks.FromNullable(ticket.ClosedAt);
            p[21].Value = (object?)ticket.Department ?? DBNull.Value;
            p[22].Value = ticket.CoordinatingDepartments;
            p[23].Value = ticket.SupervisionLevel;
            p[24].Value = UtcTicks.FromNullable(ticket.StepDueAt);
            p[25].Value = ticket.OverdueSteps;
            p[26].Value = ticket.ReopenedCount;
            p[27].Value = (object?)ticket.MergedIntoId ?? DBNull.Value;
            p[28].Value = ticket.DuplicatesCount;
            p[29].Value = (object?)ticket.PossibleDuplicateOf ?? DBNull.Value;
            p[30].Value = ticket.Satisfied is { } satisfied ? satisfied : DBNull.Value;
            p[31].Value = (object?)rawReporter?.Statement ?? DBNull.Value;
            _upsertTicket.ExecuteNonQuery();
        }

        private void InsertTicketHistory(TicketTransition transition)
        {
            var p = _insertTicketHistory.Parameters;
            p[0].Value = transition.TicketId;
            p[1].Value = (object?)transition.From?.ToString() ?? DBNull.Value;
            p[2].Value = transition.To.ToString();
            p[3].Value = UtcTicks.From(transition.At);
            p[4].Value = transition.Actor;
            p[5].Value = (object?)transition.Note ?? DBNull.Value;
            _insertTicketHistory.ExecuteNonQuery();
        }

        private void UpsertAlarm(AlarmState alarm)
        {
            var p = _upsertAlarm.Parameters;
            p[0].Value = alarm.Id;
            p[1].Value = alarm.Source.ToString();
            p[2].Value = alarm.SourceId;
            p[3].Value = alarm.Kind;
            p[4].Value = alarm.Severity.ToString();
            p[5].Value = alarm.Title;
            p[6].Value = alarm.Location.Lon;
            p[7].Value = alarm.Location.Lat;
            p[8].Value = alarm.SubDistrictCode;
            p[9].Value = UtcTicks.From(alarm.RaisedAt);
            p[10].Value = (object?)alarm.AcknowledgedBy ?? DBNull.Value;
            p[11].Value = UtcTicks.FromNullable(alarm.AcknowledgedAt);
            p[12].Value = UtcTicks.FromNullable(alarm.ClearedAt);
            p[13].Value = (object?)alarm.AcknowledgementNote ?? DBNull.Value;
            p[14].Value = (object?)alarm.Owner ?? DBNull.Value;
            _upsertAlarm.ExecuteNonQuery();
        }

        private void InsertAlarmHistory(AlarmChanged change)
        {
            var p = _insertAlarmHistory.Parameters;
            p[0].Value = change.Alarm.Id;
            p[1].Value = change.Change.ToString();
            p[2].Value = UtcTicks.From(change.At);
            p[3].Value = change.Alarm.Severity.ToString();
            p[4].Value = (object?)change.Actor ?? DBNull.Value;
            p[5].Value = (object?)(change.Change == AlarmChange.Acknowledged ? change.Alarm.AcknowledgementNote : null) ?? DBNull.Value;
            _insertAlarmHistory.ExecuteNonQuery();
        }

        private void InsertAlarmArea(string alarmId, AlarmArea area)
        {
            var p = _insertAlarmArea.Parameters;
            p[0].Value = alarmId;
            p[1].Value = AlarmAreaJson.Write(area);
            _insertAlarmArea.ExecuteNonQuery();
        }

        private void UpsertDrone(DroneState drone)
        {
            var d = drone.Definition;
            var p = _upsertDrone.Parameters;
            p[0].Value = d.Id;
            p[1].Value = d.Model;
            p[2].Value = d.Home.Lon;
            p[3].Value = d.Home.Lat;
            p[4].Value = d.MaxSpeedMps;
            p[5].Value = (object?)d.FeedUrl ?? DBNull.Value;
            p[6].Value = drone.Status.ToString();
            p[7].Value = drone.Position.Lon;
            p[8].Value = drone.Position.Lat;
            p[9].Value = drone.AltitudeMetres;
            p[10].Value = drone.HeadingDegrees;
            p[11].Value = drone.SpeedMps;
            p[12].Value = drone.BatteryPercent;
            p[13].Value = drone.LinkPercent;
            p[14].Value = UtcTicks.FromNullable(drone.LastTelemetryAt);
            p[15].Value = (object?)drone.MissionId ?? DBNull.Value;
            _upsertDrone.ExecuteNonQuery();
        }

        private void InsertTelemetry(in DroneTelemetry t)
        {
            var p = _insertTelemetry.Parameters;
            p[0].Value = t.DroneId;
            p[1].Value = UtcTicks.From(t.At);
            p[2].Value = t.Position.Lon;
            p[3].Value = t.Position.Lat;
            p[4].Value = t.AltitudeMetres;
            p[5].Value = t.HeadingDegrees;
            p[6].Value = t.SpeedMps;
            p[7].Value = t.BatteryPercent;
            p[8].Value = t.LinkPercent;
            _insertTelemetry.ExecuteNonQuery();
        }

        private void UpsertMission(MissionState m)
        {
            var p = _upsertMission.Parameters;
            p[0].Value = m.Id;
            p[1].Value = m.DroneId;
            p[2].Value = m.Kind.ToString();
            p[3].Value = m.Status.ToString();
            p[4].Value = (object?)m.RouteId ?? DBNull.Value;
            p[5].Value = (object?)m.TargetId ?? DBNull.Value;
            p[6].Value = WaypointText.Write(m.Waypoints);
            p[7].Value = UtcTicks.From(m.PlannedAt);
            p[8].Value = UtcTicks.FromNullable(m.ScheduledFor);
            p[9].Value = UtcTicks.From(m.UpdatedAt);
            p[10].Value = m.Actor;
            p[11].Value = (object?)m.Note ?? DBNull.Value;
            _upsertMission.ExecuteNonQuery();
        }

        private void InsertEvidence(EvidenceFrame e)
        {
            var p = _insertEvidence.Parameters;
            p[0].Value = e.Id;
            p[1].Value = e.TicketId;
            p[2].Value = e.DroneId;
            p[3].Value = UtcTicks.From(e.CapturedAt);
            p[4].Value = e.Position.Lon;
            p[5].Value = e.Position.Lat;
            p[6].Value = e.AltitudeMetres;
            p[7].Value = e.Sha256;
            p[8].Value = e.Actor;
            p[9].Value = e.Jpeg;
            _insertEvidence.ExecuteNonQuery();
        }

        private static object Nullable(double? value) => value is { } v ? v : DBNull.Value;

        /// <summary>
        /// Builds a command whose parameters are created once, in the order the write methods fill
        /// them: one SQLite statement compiled once and re-bound per row.
        /// </summary>
        private SqliteCommand Prepare(string sql)
        {
            var command = _connection.CreateCommand();
            command.CommandText = sql;
            foreach (var name in ParameterNames(sql))
            {
                command.Parameters.Add(new SqliteParameter(name, DBNull.Value));
            }

            command.Prepare();
            return command;
        }

        private void Enlist(SqliteTransaction transaction)
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

        private static IEnumerable<string> ParameterNames(string sql)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var values = sql[(sql.IndexOf("VALUES", StringComparison.Ordinal) + "VALUES".Length)..];
            var start = values.IndexOf('(');
            var end = values.IndexOf(')');
            foreach (var token in values[(start + 1)..end].Split(','))
            {
                var name = token.Trim();
                if (seen.Add(name))
                {
                    yield return name;
                }
            }
        }
    }
}
