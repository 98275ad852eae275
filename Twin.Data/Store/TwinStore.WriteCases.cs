using System.Data.Common;
using Twin.Data.Alarms;
using Twin.Domain.Alarms;
using Twin.Domain.Engine;
using Twin.Domain.Tickets;

namespace Twin.Data.Store;

public sealed partial class TwinStore
{
    /// <summary>The ticket and alarm rows of a batch, each step's history row returning the id its audit row names.</summary>
    private sealed partial class WriteCommands
    {
        private static Reporter Protect(TicketReport report, IContactProtector personalData) =>
            new(personalData.Protect(report.Reporter?.Name), personalData.Protect(report.Reporter?.Phone), personalData.Protect(Reporter.StatementOf(report)));

        private void UpsertTicket(TicketState ticket, Reporter? rawReporter)
        {
            BindTicket(_upsertTicket.Parameters, 0, ticket, rawReporter);
            _upsertTicket.ExecuteNonQuery();
        }

        /// <summary>Fills a ticket row's 33 parameters, starting at <paramref name="at"/> (a multi-row statement's row).</summary>
        private static void BindTicket(DbParameterCollection parameters, int at, TicketState ticket, Reporter? rawReporter)
        {
            var p = new Row(parameters, at);
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
            p[32].Value = (object?)ticket.SourceAlarmId ?? DBNull.Value;
        }

        /// <summary>The new history row's id, which its audit row names.</summary>
        private long InsertTicketHistory(TicketTransition transition)
        {
            BindTicketStep(_insertTicketHistory.Parameters, 0, transition);
            return (long)_insertTicketHistory.ExecuteScalar()!;
        }

        private static void BindTicketStep(DbParameterCollection parameters, int at, TicketTransition transition)
        {
            var p = new Row(parameters, at);
            p[0].Value = transition.TicketId;
            p[1].Value = (object?)transition.From?.ToString() ?? DBNull.Value;
            p[2].Value = transition.To.ToString();
            p[3].Value = UtcTicks.From(transition.At);
            p[4].Value = transition.Actor;
            p[5].Value = (object?)transition.Note ?? DBNull.Value;
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
            p[15].Value = (object?)alarm.CaseId ?? DBNull.Value;
            p[16].Value = (object?)alarm.AssignedTo ?? DBNull.Value;
            p[17].Value = (object?)alarm.AssigneeKind?.ToString() ?? DBNull.Value;
            p[18].Value = alarm.DutyLevel;
            p[19].Value = (object?)alarm.SnapshotId ?? DBNull.Value;
            _upsertAlarm.ExecuteNonQuery();
        }

        private long InsertAlarmHistory(AlarmChanged change)
        {
            var p = _insertAlarmHistory.Parameters;
            p[0].Value = change.Alarm.Id;
            p[1].Value = change.Change.ToString();
            p[2].Value = UtcTicks.From(change.At);
            p[3].Value = change.Alarm.Severity.ToString();
            p[4].Value = (object?)change.Actor ?? DBNull.Value;
            p[5].Value = (object?)change.Note ?? (object?)(change.Change == AlarmChange.Acknowledged ? change.Alarm.AcknowledgementNote : null) ?? DBNull.Value;
            return (long)_insertAlarmHistory.ExecuteScalar()!;
        }

        private void InsertAlarmArea(string alarmId, AlarmArea area)
        {
            var p = _insertAlarmArea.Parameters;
            p[0].Value = alarmId;
            p[1].Value = AlarmAreaJson.Write(area);
            _insertAlarmArea.ExecuteNonQuery();
        }
    }
}
