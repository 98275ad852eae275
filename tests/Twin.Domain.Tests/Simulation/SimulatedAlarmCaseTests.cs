using Twin.Domain.Engine;
using Twin.Domain.Sensors;
using Twin.Domain.Tests.Support;
using Twin.Domain.Tickets;

namespace Twin.Domain.Tests.Simulation;

/// <summary>
/// Issue 20: simulated departments work the cases filed from alarms (AL-…) as they work tickets,
/// but a case a person filed from an alarm is theirs: only the SLA timer touches it after.
/// </summary>
[Collection(SimulationCollection.Name)]
public sealed class SimulatedAlarmCaseTests
{
    /// <summary>Supervision by the SLA clock (督办) is a timer, not staff: it goes on whoever works the case.</summary>
    private const string Timer = "系统督办";

    [Fact]
    public void A_case_the_catalogue_filed_from_a_creek_alarm_is_worked_on_and_one_a_person_filed_is_left_to_them()
    {
        var desk = new StaffedDesk("on");
        desk.Do(new RegisterSensorCommand(TestEngine.Sensor("WL-SIM", thresholds: new Thresholds(3.8, 4.5, 0.1))));
        desk.Do(new RecordObservationCommand(new Observation("WL-SIM", 4.7, desk.Engine.Now)));
        var automatic = desk.Engine.Snapshot().ActiveAlarms.Single(a => a.SourceId == "WL-SIM");
        var byMachine = Assert.IsType<string>(automatic.CaseId);
        Assert.StartsWith("AL-", byMachine, StringComparison.Ordinal);
        Assert.False(desk.Engine.FindTicket(byMachine)!.IsClaimed);

        var thrown = desk.RaiseAiAlarm(0);
        desk.Do(new FileCaseFromAlarmCommand(thrown, StaffedDesk.Person));
        var byPerson = desk.Engine.FindActiveAlarm(thrown)!.CaseId!;
        Assert.Equal(StaffedDesk.Person, desk.Engine.FindTicket(byPerson)!.ClaimedBy);
        var filedAt = desk.Steps.Count;

        // Four real minutes: four simulated hours, longer than an urgent creek case's dispatch and handling limits.
        desk.RunSeconds(240);

        var worked = desk.Engine.FindTicket(byMachine)!;
        Assert.True(worked.Status > TicketStatus.Dispatched, $"{byMachine} is still {worked.Status}; its steps: {string.Join(", ", desk.StepsOf(byMachine).Select(s => $"{s.To} by {s.Actor}"))}");
        Assert.Contains(desk.StepsOf(byMachine), s => s.To == TicketStatus.Dispatched && s.Actor != Timer);

        Assert.Equal(TicketStatus.Filed, desk.Engine.FindTicket(byPerson)!.Status);
        Assert.All(desk.Steps.Skip(filedAt).Where(s => s.TicketId == byPerson), s => Assert.Equal(Timer, s.Actor));
    }
}
