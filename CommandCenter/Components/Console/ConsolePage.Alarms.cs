using CommandCenter.Officers;
using Twin.Domain.Alarms;
using Twin.Domain.Engine;

namespace CommandCenter.Components.Console;

/// <summary>The alarm desk's commands (take over, acknowledge, 立案, assign), submitted for the signed-in officer.</summary>
public sealed partial class ConsolePage
{
    /// <summary>An officer who starts acknowledging an alarm takes it over, so simulated staff do not acknowledge it while they write the note.</summary>
    private async Task ClaimAlarmAsync(string alarmId)
    {
        if (MayAct && Officer is not null)
        {
            await Commands.SubmitAsync(new MarkAlarmViewedCommand(alarmId, Officer.Name));
        }
    }

    private async Task<string?> AcknowledgeAsync(string alarmId, string note)
    {
        if (Officer is null)
        {
            return ConsoleText.NoOfficer;
        }

        var result = await Commands.SubmitAsync(new AcknowledgeAlarmCommand(alarmId, Officer.Name, note));
        if (!result.Accepted)
        {
            return RefusalText.Of(result, null, null, Evaluation, DepartmentName, ConsoleText.AcknowledgementRefused);
        }

        TakeNewerSnapshot();
        return null;
    }

    private bool FilesAsCase(AlarmState alarm) => alarm.Source != AlarmSource.Cap && Catalogue.ForAlarmKind(alarm.Kind) is not null && Scope.MayDispatchAlarm(alarm);

    /// <summary>立案 from the alarm desk; the new case is opened, as a case filed at the desk is.</summary>
    private async Task<string?> FileAlarmCaseAsync(string alarmId)
    {
        var refusal = await SubmitAlarmActionAsync(officer => new FileCaseFromAlarmCommand(alarmId, officer));
        if (refusal is null && Snapshot?.ActiveAlarms.FirstOrDefault(a => a.Id == alarmId)?.CaseId is { } caseId)
        {
            await SelectAsync(caseId);
        }

        return refusal;
    }

    private Task<string?> AssignAlarmAsync(string alarmId, string? department) =>
        SubmitAlarmActionAsync(officer => department is null
            ? new AssignAlarmCommand(alarmId, officer, AlarmAssigneeKind.Person, officer)
            : new AssignAlarmCommand(alarmId, department, AlarmAssigneeKind.Department, officer));

    private async Task<string?> SubmitAlarmActionAsync(Func<string, TwinCommand> command)
    {
        if (Officer is null)
        {
            return ConsoleText.NoOfficer;
        }

        var result = await Commands.SubmitAsync(command(Officer.Name));
        if (!result.Accepted)
        {
            return RefusalText.Of(result, null, null, Evaluation, DepartmentName, AlarmCaseText.Refused);
        }

        TakeNewerSnapshot();
        return null;
    }
}
