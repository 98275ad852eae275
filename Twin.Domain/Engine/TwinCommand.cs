using Twin.Domain.Alarms;
using Twin.Domain.Dispatch;
using Twin.Domain.Drones;
using Twin.Domain.Emergency;
using Twin.Domain.Field;
using Twin.Domain.Organisations;
using Twin.Domain.Sensors;
using Twin.Domain.Tickets;

namespace Twin.Domain.Engine;

/// <summary>One input to the engine, as it travels through the host's single queue. The loop's actions are <see cref="DispatchCommand"/>s.</summary>
public abstract record TwinCommand
{
    /// <summary>
    /// The signed-in person's scope: the engine refuses what it does not allow, against the state the
    /// change would apply to. Null for the twin's own inputs (feeds, timers, simulated staff).
    /// </summary>
    public AccessScope? Scope { get; init; }
}

public sealed record RegisterSensorCommand(SensorDefinition Sensor) : TwinCommand;

/// <summary>A device with several sensors (one Thing, several Datastreams), registered all together or not at all.</summary>
public sealed record RegisterThingCommand(IReadOnlyList<SensorDefinition> Sensors) : TwinCommand;

/// <param name="Actor">who took it out of service (an ingestion source), for the alarm it clears and the record.</param>
public sealed record RemoveSensorCommand(string SensorId, string Actor) : TwinCommand;

/// <summary>Renames a sensor or changes how often it reports; null leaves that part as it is.</summary>
public sealed record UpdateSensorCommand(string SensorId, string? Name, TimeSpan? ReportInterval) : TwinCommand;

/// <summary>An admin's new warning and alarm levels and hysteresis for one sensor (its kind's direction stays).</summary>
public sealed record SetSensorThresholdsCommand(string SensorId, double Warning, double Alarm, double Hysteresis, string Actor) : TwinCommand;

public sealed record RecordObservationCommand(Observation Observation) : TwinCommand;

public sealed record ReportTicketCommand(TicketReport Report) : TwinCommand;

public sealed record ChangeTicketStatusCommand(string TicketId, TicketStatus To, string Actor, string? Note = null) : TwinCommand;

public sealed record RaiseAiVideoAlarmCommand(AiVideoEvent Event) : TwinCommand;

/// <param name="BySimulatedStaff">The simulator's duty officer: refused on an alarm a person has opened.</param>
public sealed record AcknowledgeAlarmCommand(string AlarmId, string By, string? Note = null, bool BySimulatedStaff = false) : TwinCommand;

public sealed record TickCommand : TwinCommand;

public sealed partial class TwinEngine
{
    public InputResult Apply(TwinCommand command)
    {
        if (command.Scope is { } scope && OutOfScope(command, scope) is { } refusal)
        {
            return refusal;
        }

        switch (command)
        {
            case RecordObservationCommand c:
                return RecordObservation(c.Observation);
            case ReportTicketCommand c:
                return ReportTicket(c.Report);
            case ChangeTicketStatusCommand c:
                return ChangeTicketStatus(c.TicketId, c.To, c.Actor, c.Note);
            case DispatchCommand c:
                return ApplyDispatch(c);
            case RaiseAiVideoAlarmCommand c:
                return RaiseAiVideoAlarm(c.Event);
            case AcknowledgeAlarmCommand c:
                return AcknowledgeAlarm(c.AlarmId, c.By, c.Note, c.BySimulatedStaff);
            case FileCaseFromAlarmCommand c:
                return FileCaseFromAlarm(c.AlarmId, c.By);
            case AssignAlarmCommand c:
                return AssignAlarm(c.AlarmId, c.Assignee, c.Kind, c.By);
            case MarkTicketViewedCommand c:
                return MarkTicketViewed(c.TicketId, c.By);
            case MarkAlarmViewedCommand c:
                return MarkAlarmViewed(c.AlarmId, c.By);
            case RaiseExternalAlarmCommand c:
                return RaiseExternalAlarm(c.Alert);
            case CancelExternalAlarmCommand c:
                return CancelExternalAlarm(c.SourceKeys, c.Actor);
            case RegisterSensorCommand c:
                return RegisterSensor(c.Sensor);
            case RegisterThingCommand c:
                return RegisterThing(c.Sensors);
            case UpdateSensorCommand c:
                return UpdateSensor(c.SensorId, c.Name, c.ReportInterval);
            case RemoveSensorCommand c:
                return RemoveSensor(c.SensorId, c.Actor);
            case SetSensorThresholdsCommand c:
                return SetSensorThresholds(c.SensorId, c.Warning, c.Alarm, c.Hysteresis, c.Actor);
            case RecordDroneTelemetryCommand c:
                return RecordDroneTelemetry(c.Telemetry);
            case RegisterDroneCommand c:
                return RegisterDrone(c.Drone);
            case PlanMissionCommand c:
                return PlanMission(c.Plan);
            case ChangeMissionStatusCommand c:
                return ChangeMissionStatus(c.MissionId, c.To, c.Actor, c.Note);
            case AttachEvidenceCommand c:
                return AttachEvidence(c);
            case SubmitFieldReportCommand c:
                return SubmitFieldReport(c);
            case StartEmergencyCommand c:
                return StartEmergency(c.Type, c.Level, c.Actor, c.Role, c.Reason);
            case ChangeResponseLevelCommand c:
                return ChangeResponseLevel(c.Level, c.Actor, c.Role, c.Reason);
            case EndEmergencyCommand c:
                return EndEmergency(c.Actor, c.Role, c.Reason);
            case ProposeModeCommand c:
                return ProposeMode(c.Source, c.SourceRef, c.Type, c.Level, c.Reason);
            case ConfirmProposalCommand c:
                return ConfirmProposal(c.ProposalId, c.Actor, c.Role, c.Note);
            case DismissProposalCommand c:
                return DismissProposal(c.ProposalId, c.Actor, c.Role, c.Reason);
            case CompleteChecklistStepCommand c:
                return CompleteChecklistStep(c.StepId, c.Actor, c.Note);
            case MoveStockCommand c:
                return MoveStock(c.DepotId, c.Item, c.Kind, c.Quantity, c.Actor, c.Note);
            case TickCommand:
                Tick();
                return InputResult.Ok;
            default:
                return InputResult.Refused($"Unknown input {command.GetType().Name}.");
        }
    }
}
