using Twin.Domain.Dispatch;
using Twin.Domain.Engine;
using Twin.Domain.Simulation;
using Twin.Domain.Tickets;

namespace Twin.Domain.Tests.Simulation;

/// <summary>At 60× simulated staff work the loop within seconds, but never on a case a person opened or acted on.</summary>
[Collection(SimulationCollection.Name)]
public sealed class SimulatedStaffTests
{
    /// <summary>Supervision by the SLA clock (督办) is a timer, not staff: it goes on whoever works the case.</summary>
    private const string Timer = "系统督办";

    /// <summary>The platform's own duplicate rule on arrival (一口派单), not staff.</summary>
    private const string Platform = "一口派单";

    [Fact]
    public void At_60x_simulated_staff_work_cases_within_seconds_but_leave_alone_every_case_a_person_opened_or_acted_on()
    {
        var desk = new StaffedDesk("on");
        var opened = desk.RaiseAiAlarm(0);
        var leftToStaff = desk.RaiseAiAlarm(1);
        desk.Do(new MarkAlarmViewedCommand(opened, StaffedDesk.Person));

        desk.RunSeconds(20);
        var early = desk.Engine.Snapshot().Tickets.Where(t => t.Status == TicketStatus.Discovered).OrderBy(t => t.Id, StringComparer.Ordinal).ToList();
        Assert.True(early.Count >= 3, $"only {early.Count} new tickets in 20 simulated minutes");
        var viewed = early[0].Id;
        var actedOn = early[1].Id;
        desk.Do(new MarkTicketViewedCommand(viewed, StaffedDesk.Person));
        desk.Do(new FileTicketCommand(actedOn, StaffedDesk.Person));
        var claimedAt = desk.Steps.Count;

        // Four real minutes: four simulated hours, long enough for staff to file, dispatch and close.
        desk.RunSeconds(240);

        var alarms = desk.AlarmChanges.Where(c => c.Change == AlarmChange.Acknowledged).ToList();
        Assert.Contains(alarms, c => c.Alarm.Id == leftToStaff);
        Assert.DoesNotContain(alarms, c => c.Alarm.Id == opened);
        Assert.Equal(StaffedDesk.Person, desk.Engine.FindActiveAlarm(opened)!.ClaimedBy);

        Assert.Equal((TicketStatus.Discovered, StaffedDesk.Person), (desk.Engine.FindTicket(viewed)!.Status, desk.Engine.FindTicket(viewed)!.ClaimedBy));
        Assert.Equal(TicketStatus.Filed, desk.Engine.FindTicket(actedOn)!.Status);
        foreach (var id in new[] { viewed, actedOn })
        {
            var after = desk.Steps.Skip(claimedAt).Where(s => s.TicketId == id);
            Assert.All(after, s => Assert.Equal(Timer, s.Actor));
        }

        // The cases nobody opened were worked by simulated staff: filed within minutes, most of them well on.
        var others = early.Skip(2).Select(t => desk.Engine.FindTicket(t.Id)!).ToList();
        Assert.All(others, t => Assert.True(t.Status > TicketStatus.Discovered, $"{t.Id} is still {t.Status}"));
        Assert.Contains(desk.Steps, s => s.To == TicketStatus.Closed);
    }

    [Fact]
    public void Simulated_staff_told_to_move_a_claimed_ticket_are_refused_by_the_engine()
    {
        var desk = new StaffedDesk("on");
        desk.RunSeconds(20);
        var ticket = desk.Engine.Snapshot().Tickets.First(t => t.Status == TicketStatus.Discovered);
        desk.Do(new MarkTicketViewedCommand(ticket.Id, StaffedDesk.Person));

        // A command the simulator made from a snapshot older than the person's click.
        var late = desk.Engine.Apply(new ChangeTicketStatusCommand(ticket.Id, TicketStatus.Filed, "城运中心受理员"));

        Assert.False(late.Accepted);
        Assert.Contains(StaffedDesk.Person, late.Reason);
        Assert.Equal(TicketStatus.Discovered, desk.Engine.FindTicket(ticket.Id)!.Status);
    }

    [Fact]
    public void With_simulated_staff_off_nothing_moves_but_by_people_and_timers()
    {
        var desk = new StaffedDesk("off");
        var alarm = desk.RaiseAiAlarm(0);
        desk.RunSeconds(30);
        var ticket = desk.Engine.Snapshot().Tickets.First(t => t.Status == TicketStatus.Discovered).Id;
        desk.Do(new FileTicketCommand(ticket, StaffedDesk.Person));
        desk.Do(new DispatchTicketCommand(ticket, StaffedDesk.Person));
        desk.RunSeconds(270);

        var moves = desk.Steps.Where(s => s.From is not null).ToList();
        Assert.NotEmpty(moves);
        Assert.All(moves, s => Assert.Contains(s.Actor, new[] { StaffedDesk.Person, Timer, Platform }));
        Assert.Contains(moves, s => s.Actor == Timer);
        Assert.DoesNotContain(desk.AlarmChanges, c => c.Change == AlarmChange.Acknowledged);
        Assert.False(desk.Engine.FindActiveAlarm(alarm)!.IsAcknowledged);
        Assert.Equal(TicketStatus.Dispatched, desk.Engine.FindTicket(ticket)!.Status);
        Assert.True(desk.Engine.Snapshot().Tickets.Count(t => t.Status == TicketStatus.Discovered) > 100, "citizens still report");
    }

    [Fact]
    public void A_share_of_simulated_staff_leaves_the_urgent_cases_to_people_first()
    {
        var desk = new StaffedDesk("0.5");
        desk.RunSeconds(300);

        var tickets = desk.Engine.Snapshot().Tickets.Where(t => t.Status != TicketStatus.Merged).ToList();
        var worked = tickets.Where(t => desk.StepsOf(t.Id).Any(s => s.From is not null && s.Actor != Timer && s.Actor != Platform)).ToList();
        var share = (double)worked.Count / tickets.Count;
        Assert.InRange(share, 0.3, 0.7);
        Assert.Contains(tickets, t => t.Priority >= TicketPriority.High);
        Assert.DoesNotContain(worked, t => t.Priority >= TicketPriority.High);
    }

    [Theory]
    [InlineData("on", 1.0)]
    [InlineData("OFF", 0.0)]
    [InlineData("0.25", 0.25)]
    public void SimulatedStaff_reads_on_off_or_a_share(string setting, double share)
    {
        var options = new SimulatorOptions { SimulatedStaff = setting };
        options.Validate();
        Assert.Equal(share, options.SimulatedStaffShare);
    }

    [Theory]
    [InlineData("sometimes")]
    [InlineData("1.5")]
    [InlineData("-0.1")]
    [InlineData("")]
    public void SimulatedStaff_outside_on_off_or_0_to_1_is_refused_at_start(string setting)
    {
        var error = Assert.Throws<ArgumentException>(() => new SimulatorOptions { SimulatedStaff = setting }.Validate());
        Assert.Contains("SimulatedStaff", error.Message);
    }
}
