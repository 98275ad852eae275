using Twin.Data.Audit;
using Twin.Data.Tests.Support;
using Twin.Domain.Alarms;
using Twin.Domain.Engine;

namespace Twin.Data.Tests.AlarmCases;

/// <summary>
/// An alarm filed as a case, assigned and escalated is on disk with its audit rows (same batch,
/// same transaction), verifies, and comes back after a restart with its links, assignee and
/// duty level, still a person's so simulated staff leave it alone.
/// </summary>
public sealed class AlarmCasePersistenceTests : IDisposable
{
    private static readonly AuditChain Chain = new(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task Filing_assigning_and_escalating_are_stored_audited_and_restored()
    {
        var clock = Scenario.Clock();
        var place = TestDistrict.InsidePoints[0];
        string filedId, assignedId, caseId;
        await using (var twin = await PipelineHarness.StartAsync(_db, clock, audit: Chain))
        {
            await twin.SubmitOkAsync(new RaiseAiVideoAlarmCommand(new AiVideoEvent("CAM-1", "thrown-object", "某小区 疑似高空抛物", place, AlarmSeverity.Major, clock.GetUtcNow())));
            filedId = twin.Engine.Snapshot().ActiveAlarms.Single().Id;
            await twin.SubmitOkAsync(new FileCaseFromAlarmCommand(filedId, "值班员01"));
            await twin.SubmitOkAsync(new RaiseAiVideoAlarmCommand(new AiVideoEvent("CAM-2", "thrown-object", "另一小区 疑似高空抛物", TestDistrict.InsidePoints[5], AlarmSeverity.Major, clock.GetUtcNow())));
            assignedId = twin.Engine.Snapshot().ActiveAlarms.Single(a => a.Id != filedId).Id;
            await twin.SubmitOkAsync(new AssignAlarmCommand(assignedId, "区城管执法局", AlarmAssigneeKind.Department, "值班员02"));
            clock.Advance(TimeSpan.FromMinutes(16));
            await twin.SubmitOkAsync(new TickCommand());
            caseId = twin.Engine.FindActiveAlarm(filedId)!.CaseId!;
            await twin.StopAsync();
        }

        Assert.Equal(1, _db.Scalar($"SELECT COUNT(*) FROM tickets WHERE id = '{caseId}' AND source_alarm_id = '{filedId}' AND category_code = 'thrown-object'"));
        Assert.Equal(1, _db.Scalar($"SELECT COUNT(*) FROM alarms WHERE id = '{filedId}' AND case_id = '{caseId}' AND duty_level = 1"));
        Assert.Equal(1, _db.Scalar($"SELECT COUNT(*) FROM alarms WHERE id = '{assignedId}' AND assigned_to = '区城管执法局' AND assignee_kind = 'Department'"));
        Assert.Equal(1, _db.Scalar($"SELECT COUNT(*) FROM audit_log WHERE action = '{AuditActions.AlarmFiledAsCase}' AND actor = '值班员01' AND target = '{filedId}'"));
        Assert.Equal(1, _db.Scalar($"SELECT COUNT(*) FROM audit_log WHERE action = '{AuditActions.AlarmAssigned}' AND actor = '值班员02' AND target = '{assignedId}'"));
        Assert.Equal(2, _db.Scalar($"SELECT COUNT(*) FROM audit_log WHERE action = '{AuditActions.AlarmEscalated}' AND actor = '{TwinEngine.AlarmEscalator}'"));
        Assert.Equal(1, _db.Scalar($"SELECT COUNT(*) FROM alarm_history WHERE alarm_id = '{assignedId}' AND change = 'Assigned' AND note = '指派给区城管执法局'"));
        await using (var store = _db.CreateStore())
        {
            var verification = await new AuditLog(store, Chain).VerifyAsync([]);
            Assert.True(verification.Intact, verification.Problem);
        }

        await using var restarted = await PipelineHarness.StartAsync(_db, clock, audit: Chain);
        var filed = restarted.Engine.FindActiveAlarm(filedId)!;
        var assigned = restarted.Engine.FindActiveAlarm(assignedId)!;
        Assert.Equal((caseId, "值班员01", AlarmDutyLevels.Supervisor), (filed.CaseId, filed.ClaimedBy, filed.DutyLevel));
        Assert.Equal(("区城管执法局", AlarmAssigneeKind.Department, "值班员02"), (assigned.AssignedTo, assigned.AssigneeKind, assigned.ClaimedBy));
        Assert.Equal(filedId, restarted.Engine.FindTicket(caseId)!.SourceAlarmId);
        var bySimulator = await restarted.Pipeline.SubmitAsync(new AcknowledgeAlarmCommand(assignedId, "值班员05", BySimulatedStaff: true));
        Assert.False(bySimulator.Accepted);
    }
}
