using CommandCenter.Officers;
using Twin.Data.Boundary;
using Twin.Domain.Dispatch;
using Twin.Domain.Drones;
using Twin.Domain.Engine;

namespace CommandCenter.Security;

/// <summary>
/// The role check around <see cref="ITwinCommands"/> for the signed-in person (scoped to their
/// circuit): refused actions never reach the writer and are audited with what was tried on what.
/// What passes carries the person's <see cref="Twin.Domain.Organisations.AccessScope"/>, which the
/// engine holds it to against the case as it then is; a refusal there is audited the same way.
/// </summary>
public sealed class OfficerCommands(ITwinCommands commands, SignedInOfficer officer) : IOfficerCommands
{
    /// <summary>The role check's refusal (English, for logs and tests; a screen words <see cref="RefusalCode.RoleMayNotAct"/>).</summary>
    public const string Refusal = "This role may not act on tickets or alarms.";

    public Task<bool> MayActAsync() => officer.MayActAsync();

    public async Task<CommandOutcome> SubmitAsync(TwinCommand command, CancellationToken ct = default)
    {
        var (action, target) = Describe(command);
        if (!await officer.MayActAsync())
        {
            await officer.RecordRefusalAsync(action, target);
            return CommandOutcome.Refused(Refusal, forbidden: true, new(RefusalCode.RoleMayNotAct));
        }

        var outcome = await commands.SubmitAsync(command with { Scope = await officer.GetScopeAsync(ct) }, ct);
        if (outcome.Forbidden)
        {
            await officer.RecordRefusalAsync(action, target);
        }

        return outcome;
    }

    /// <summary>How the audit log names a refused action and its target.</summary>
    public static (string Action, string Target) Describe(TwinCommand command) => command switch
    {
        DispatchCommand c => (c.GetType().Name, c.TicketId),
        ReportTicketCommand c => (nameof(ReportTicketCommand), c.Report.Id),
        AcknowledgeAlarmCommand c => (nameof(AcknowledgeAlarmCommand), c.AlarmId),
        FileCaseFromAlarmCommand c => (nameof(FileCaseFromAlarmCommand), c.AlarmId),
        AssignAlarmCommand c => (nameof(AssignAlarmCommand), c.AlarmId),
        PlanMissionCommand c => ($"drone.send {c.Plan.Kind}", c.Plan.TargetId ?? c.Plan.DroneId),
        AttachEvidenceCommand c => ("drone.capture " + c.DroneId, c.TicketId),
        ChangeMissionStatusCommand c => ($"drone.mission {c.To}", c.MissionId),
        _ => (command.GetType().Name, string.Empty),
    };
}
