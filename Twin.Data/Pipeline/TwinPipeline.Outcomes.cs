using System.Globalization;
using Twin.Data.Boundary;
using Twin.Domain.Alarms;
using Twin.Domain.Dispatch;
using Twin.Domain.Drones;
using Twin.Domain.Engine;
using Twin.Domain.Field;
using Twin.Domain.Privacy;

namespace Twin.Data.Pipeline;

/// <summary>
/// An input's idempotency key: what makes a second copy of it the same request. A ticket is keyed
/// by its id (Open311 derives it from the request), a reading by its sensor and time, an outside
/// alert by its CAP sender and identifier. Other inputs have none.
/// </summary>
internal abstract record IdempotencyKey
{
    public static IdempotencyKey? Of(TwinCommand command) => command switch
    {
        ReportTicketCommand c => new TicketKey(c.Report.Id),
        RecordObservationCommand c => new ObservationKey(c.Observation.SensorId, c.Observation.ObservedAt),
        RaiseExternalAlarmCommand c => new ExternalAlertKey(c.Alert.SourceKey),
        SubmitFieldReportCommand c => new FieldReportKey(c.Key),
        _ => null,
    };
}

internal sealed record TicketKey(string TicketId) : IdempotencyKey;

internal sealed record ObservationKey(string SensorId, DateTimeOffset ObservedAt) : IdempotencyKey;

internal sealed record ExternalAlertKey(string SourceKey) : IdempotencyKey;

/// <summary>A field report by the key its phone generated once per submission.</summary>
internal sealed record FieldReportKey(string Key) : IdempotencyKey;

/// <summary>
/// What the store already holds under a key: the entity's id, or a reading's row id, and for the
/// keys whose input can carry another body the stored content (<see cref="InputContent"/>) with
/// the words naming that record to a sender whose copy differs. A ticket has no content: Open311
/// derives its id from a hash of the whole form, so another body is another id.
/// </summary>
internal sealed record StoredKey(string? Id, long? ObservationId, string? Content = null, string? Record = null);

/// <summary>The part of an input its key must agree with: a reading's result, an alert's kind, severity and title.</summary>
internal static class InputContent
{
    public static string? Of(TwinCommand command) => command switch
    {
        RecordObservationCommand c => Result(c.Observation.Value),
        RaiseExternalAlarmCommand c => Alert(c.Alert.Kind, c.Alert.Severity, c.Alert.Title),
        SubmitFieldReportCommand c => FieldRules.Content(c.TicketId, c.Note, (c.Photos ?? []).Select(p => p.OriginalSha256)),
        _ => null,
    };

    public static string Result(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>The title as the engine stores it (de-identified), so a copy compares equal to the alarm it raised.</summary>
    public static string Alert(string kind, AlarmSeverity severity, string title) => $"{kind.Trim()}\n{severity}\n{FreeTextMask.Mask(title.Trim())}";
}

public sealed partial class TwinPipeline
{
    /// <summary>
    /// The keys of this batch's acknowledged inputs that the store already holds. Posted inputs
    /// (the simulators') are generated fresh and skip this read; the engine still refuses a
    /// ticket id it holds or a reading no newer than the last.
    /// </summary>
    private async Task<Dictionary<IdempotencyKey, StoredKey>> FindKnownKeysAsync(List<Pending> batch)
    {
        var keys = batch.Where(p => p.Ack is not null).Select(p => IdempotencyKey.Of(p.Command)).OfType<IdempotencyKey>().Distinct().ToList();
        var known = new Dictionary<IdempotencyKey, StoredKey>();
        if (keys.Count == 0)
        {
            return known;
        }

        var ticketIds = keys.OfType<TicketKey>().Select(k => k.TicketId).ToList();
        foreach (var id in await _store.FindTicketIdsAsync(ticketIds, CancellationToken.None))
        {
            known[new TicketKey(id)] = new StoredKey(id, null);
        }

        foreach (var sensor in keys.OfType<ObservationKey>().GroupBy(k => k.SensorId, StringComparer.Ordinal))
        {
            var stored = await _store.FindObservationsAtAsync(sensor.Key, sensor.Select(k => k.ObservedAt).ToList(), CancellationToken.None);
            foreach (var (at, reading) in stored)
            {
                var result = InputContent.Result(reading.Value);
                known[new ObservationKey(sensor.Key, at)] = new StoredKey(sensor.Key, reading.Id, result,
                    $"Observation {reading.Id} of Datastream {sensor.Key} at {at.UtcDateTime:yyyy-MM-ddTHH:mm:ss.FFFFFFFZ} with result {result}");
            }
        }

        var alertKeys = keys.OfType<ExternalAlertKey>().Select(k => k.SourceKey).ToList();
        foreach (var (sourceKey, alarm) in await _store.FindAlarmsBySourceAsync(AlarmSource.Cap, alertKeys, CancellationToken.None))
        {
            known[new ExternalAlertKey(sourceKey)] = new StoredKey(alarm.Id, null, InputContent.Alert(alarm.Kind, alarm.Severity, alarm.Title),
                $"alarm {alarm.Id} from CAP message {sourceKey} ({alarm.Kind}, severity {alarm.Severity}, \"{alarm.Title}\")");
        }

        var reportKeys = keys.OfType<FieldReportKey>().Select(k => k.Key).ToList();
        foreach (var (key, report) in await _store.FindFieldReportsAsync(reportKeys, CancellationToken.None))
        {
            known[new FieldReportKey(key)] = new StoredKey(report.TicketId, null, report.Content, $"field report {key} on ticket {report.TicketId}");
        }

        return known;
    }

    private static CommandOutcome Outcome(List<Pending> batch, int i, BatchAnswers answers)
    {
        if (answers.Found[i] is { } stored)
        {
            var kind = stored.Content is not null && stored.Content != InputContent.Of(batch[i].Command) ? OutcomeKind.Conflict : OutcomeKind.Replayed;
            return new CommandOutcome
            {
                Kind = kind,
                Id = stored.Id,
                ObservationId = stored.ObservationId,
                Reason = kind == OutcomeKind.Conflict ? $"The same key already holds {stored.Record}; this copy carries another body." : null,
            };
        }

        if (answers.ReplayOf[i] is >= 0 and var first)
        {
            // The same key earlier in this batch: this copy answers with what the first one made,
            // or with a conflict naming it when it carries another body.
            var original = Outcome(batch, first, answers);
            if (!original.Exists)
            {
                return original;
            }

            return InputContent.Of(batch[i].Command) == InputContent.Of(batch[first].Command)
                ? original with { Kind = OutcomeKind.Replayed, Changes = [] }
                : original with
                {
                    Kind = OutcomeKind.Conflict,
                    Changes = [],
                    Reason = $"The same key was just stored as {DescribeFirst(batch[first].Command, original)}; this copy carries another body.",
                };
        }

        var result = answers.Results[i];
        if (!result.Accepted)
        {
            return CommandOutcome.Refused(result.Reason ?? "The input was refused.", result.Forbidden, result.Why);
        }

        var events = answers.Events[i];
        return new CommandOutcome
        {
            Kind = OutcomeKind.Applied,
            Id = IdOf(batch[i].Command, events),
            ObservationId = answers.ObservationOf[i] is >= 0 and var row ? answers.ObservationIds[row] : null,
            Changes = events,
        };
    }

    /// <summary>
    /// The inbox rows of this batch's handed-over commands and how to word their outcomes once the
    /// observations' row ids are known; null when the batch holds none. A command the engine failed
    /// on is left unanswered, as its caller learns of the failure and not of an outcome.
    /// </summary>
    private static Func<IReadOnlyList<long>, IReadOnlyList<(long InboxId, string Outcome)>>? InboxAnswersOf(
        List<Pending> batch, HashSet<int> faulted, Func<IReadOnlyList<long>, BatchAnswers> answers)
    {
        var handedOver = Enumerable.Range(0, batch.Count).Where(i => batch[i].InboxId is not null && !faulted.Contains(i)).ToList();
        if (handedOver.Count == 0)
        {
            return null;
        }

        return ids =>
        {
            var known = answers(ids);
            return [.. handedOver.Select(i => (batch[i].InboxId!.Value, Nodes.CommandJson.WriteOutcome(Outcome(batch, i, known))))];
        };
    }

    /// <summary>Names the record an earlier copy in the same batch stored, as the store's words would.</summary>
    private static string DescribeFirst(TwinCommand command, CommandOutcome original) => command switch
    {
        RecordObservationCommand c =>
            $"Observation {original.ObservationId} of Datastream {c.Observation.SensorId} at {c.Observation.ObservedAt.UtcDateTime:yyyy-MM-ddTHH:mm:ss.FFFFFFFZ} with result {InputContent.Result(c.Observation.Value)}",
        RaiseExternalAlarmCommand c =>
            $"alarm {original.Id} from CAP message {c.Alert.SourceKey} ({c.Alert.Kind.Trim()}, severity {c.Alert.Severity}, \"{FreeTextMask.Mask(c.Alert.Title.Trim())}\")",
        SubmitFieldReportCommand c => $"field report {c.Key} on ticket {c.TicketId}",
        _ => original.Id ?? "another input",
    };

    /// <summary>The id of what an input created or acted on; the engine names alarms and missions itself.</summary>
    private static string? IdOf(TwinCommand command, IReadOnlyList<TwinEvent> events) => command switch
    {
        ReportTicketCommand c => c.Report.Id,
        ChangeTicketStatusCommand c => c.TicketId,
        DispatchCommand c => c.TicketId,
        RaiseAiVideoAlarmCommand or RaiseExternalAlarmCommand =>
            events.OfType<AlarmChanged>().LastOrDefault(e => e.Change == AlarmChange.Raised)?.Alarm.Id,
        AcknowledgeAlarmCommand c => c.AlarmId,
        PlanMissionCommand => events.OfType<MissionChanged>().LastOrDefault(e => e.From is null)?.Mission.Id,
        ChangeMissionStatusCommand c => c.MissionId,
        AttachEvidenceCommand c => c.EvidenceId,
        SubmitFieldReportCommand c => c.TicketId,
        RecordObservationCommand c => c.Observation.SensorId,
        RegisterSensorCommand c => c.Sensor.Id,
        RegisterThingCommand c => c.Sensors[0].Thing,
        RegisterDroneCommand c => c.Drone.Id,
        RecordDroneTelemetryCommand c => c.Telemetry.DroneId,
        _ => null,
    };

    /// <summary>A batch's answers, by input index, gathered while it is applied and written.</summary>
    private sealed record BatchAnswers(
        InputResult[] Results,
        StoredKey?[] Found,
        int[] ReplayOf,
        IReadOnlyList<TwinEvent>[] Events,
        int[] ObservationOf,
        IReadOnlyList<long> ObservationIds);
}
