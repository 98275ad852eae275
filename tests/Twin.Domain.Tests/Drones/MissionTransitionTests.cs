using Twin.Domain.Drones;
using Twin.Domain.Tests.Support;
using Twin.Domain.Tickets;

namespace Twin.Domain.Tests.Drones;

public sealed class MissionTransitionTests
{
    private readonly Fleet _fleet = new();

    public static TheoryData<MissionStatus, MissionStatus> Legal => new()
    {
        { MissionStatus.Planned, MissionStatus.Flying },
        { MissionStatus.Planned, MissionStatus.Aborted },
        { MissionStatus.Flying, MissionStatus.OnStation },
        { MissionStatus.Flying, MissionStatus.Returning },
        { MissionStatus.Flying, MissionStatus.Aborted },
        { MissionStatus.OnStation, MissionStatus.Returning },
        { MissionStatus.OnStation, MissionStatus.Aborted },
        { MissionStatus.Returning, MissionStatus.Landed },
        { MissionStatus.Returning, MissionStatus.Aborted },
    };

    [Fact]
    public void Exactly_the_documented_transitions_are_legal()
    {
        var statuses = Enum.GetValues<MissionStatus>();
        var legal = Legal.Select(row => ((MissionStatus)row[0], (MissionStatus)row[1])).ToHashSet();
        foreach (var from in statuses)
        {
            foreach (var to in statuses)
            {
                Assert.True(legal.Contains((from, to)) == (MissionStateMachine.Refusal(from, to) is null), $"{from} → {to}");
            }
        }
    }

    [Fact]
    public void A_flight_to_a_ticket_goes_planned_flying_on_station_returning_landed()
    {
        var ticket = ReportTicket();
        TestEngine.Accept(_fleet.Engine.PlanMission(new MissionPlan(Fleet.DroneId, MissionKind.TicketFlight, Fleet.Officer, TargetId: ticket.Id)));
        var id = _fleet.Drone.MissionId!;
        var mission = _fleet.Engine.FindMission(id)!;
        Assert.Equal(MissionStatus.Planned, mission.Status);
        Assert.Equal(ticket.Location, Assert.Single(mission.Waypoints));

        foreach (var to in new[] { MissionStatus.Flying, MissionStatus.OnStation, MissionStatus.Returning })
        {
            TestEngine.Accept(_fleet.Engine.ChangeMissionStatus(id, to, Fleet.Officer, null));
            Assert.Equal(to, _fleet.Engine.FindMission(id)!.Status);
        }

        _fleet.Engine.DrainEvents();
        TestEngine.Accept(_fleet.Engine.ChangeMissionStatus(id, MissionStatus.Landed, Fleet.Officer, null));

        Assert.Null(_fleet.Engine.FindMission(id));
        Assert.Null(_fleet.Drone.MissionId);
        var events = _fleet.Engine.DrainEvents();
        Assert.Contains(events, e => e is MissionChanged { Mission.Status: MissionStatus.Landed, From: MissionStatus.Returning });
    }

    [Theory]
    [InlineData(MissionStatus.Planned, MissionStatus.OnStation)]
    [InlineData(MissionStatus.Planned, MissionStatus.Landed)]
    [InlineData(MissionStatus.Flying, MissionStatus.Landed)]
    [InlineData(MissionStatus.Flying, MissionStatus.Planned)]
    [InlineData(MissionStatus.OnStation, MissionStatus.Flying)]
    [InlineData(MissionStatus.Returning, MissionStatus.OnStation)]
    [InlineData(MissionStatus.Flying, MissionStatus.Flying)]
    public void An_illegal_transition_is_refused_with_a_reason_and_changes_nothing(MissionStatus at, MissionStatus to)
    {
        var id = _fleet.PlanPatrol();
        MissionStatus[] path = at switch
        {
            MissionStatus.Planned => [],
            MissionStatus.Flying => [MissionStatus.Flying],
            MissionStatus.OnStation => [MissionStatus.Flying, MissionStatus.OnStation],
            _ => [MissionStatus.Flying, MissionStatus.Returning],
        };
        foreach (var step in path)
        {
            TestEngine.Accept(_fleet.Engine.ChangeMissionStatus(id, step, Fleet.Officer, null));
        }

        Assert.Equal(at, _fleet.Engine.FindMission(id)!.Status);
        var version = _fleet.Engine.Version;
        _fleet.Engine.DrainEvents();

        var result = _fleet.Engine.ChangeMissionStatus(id, to, Fleet.Officer, null);

        Assert.False(result.Accepted);
        Assert.Contains(id, result.Reason);
        Assert.Matches("cannot go from|already", result.Reason);
        Assert.Equal(at, _fleet.Engine.FindMission(id)!.Status);
        Assert.Equal(version, _fleet.Engine.Version);
        Assert.Empty(_fleet.Engine.DrainEvents());
    }

    [Fact]
    public void A_finished_mission_takes_no_more_changes()
    {
        var id = _fleet.PlanPatrol();
        TestEngine.Accept(_fleet.Engine.ChangeMissionStatus(id, MissionStatus.Aborted, Fleet.Officer, "天气"));

        var result = _fleet.Engine.ChangeMissionStatus(id, MissionStatus.Flying, Fleet.Officer, null);

        Assert.False(result.Accepted);
        Assert.Contains("No active mission", result.Reason);
    }

    [Fact]
    public void A_busy_drone_refuses_a_second_mission_unless_it_preempts()
    {
        var patrol = _fleet.PlanPatrol();
        TestEngine.Accept(_fleet.Engine.ChangeMissionStatus(patrol, MissionStatus.Flying, Fleet.Officer, null));
        var ticket = ReportTicket();

        var refused = _fleet.Engine.PlanMission(new MissionPlan(Fleet.DroneId, MissionKind.TicketFlight, Fleet.Officer, TargetId: ticket.Id));
        Assert.False(refused.Accepted);
        Assert.Contains("busy", refused.Reason);

        _fleet.Engine.DrainEvents();
        TestEngine.Accept(_fleet.Engine.PlanMission(new MissionPlan(Fleet.DroneId, MissionKind.TicketFlight, Fleet.Officer, TargetId: ticket.Id, Preempt: true)));

        Assert.Null(_fleet.Engine.FindMission(patrol));
        Assert.Equal(MissionKind.TicketFlight, _fleet.Engine.FindMission(_fleet.Drone.MissionId!)!.Kind);
        Assert.Contains(_fleet.Engine.DrainEvents(), e => e is MissionChanged { Mission.Status: MissionStatus.Aborted, From: MissionStatus.Flying } m && m.Mission.Id == patrol);
    }

    [Fact]
    public void Flights_need_a_real_target_and_a_drone_that_can_fly()
    {
        Assert.Contains("No open ticket", _fleet.Engine.PlanMission(new MissionPlan(Fleet.DroneId, MissionKind.TicketFlight, Fleet.Officer, TargetId: "T-NONE")).Reason);
        Assert.Contains("No active alarm", _fleet.Engine.PlanMission(new MissionPlan(Fleet.DroneId, MissionKind.AlarmFlight, Fleet.Officer, TargetId: "A-NONE")).Reason);
        Assert.Contains("two waypoints", _fleet.Engine.PlanMission(new MissionPlan(Fleet.DroneId, MissionKind.Patrol, Fleet.Officer, "R", [Fleet.Home])).Reason);

        _fleet.Fly(Fleet.Home, TimeSpan.FromSeconds(1), battery: 12);
        var ticket = ReportTicket();
        var lowBattery = _fleet.Engine.PlanMission(new MissionPlan(Fleet.DroneId, MissionKind.TicketFlight, Fleet.Officer, TargetId: ticket.Id));
        Assert.Contains("battery", lowBattery.Reason);
    }

    private TicketState ReportTicket()
    {
        var id = $"T-{Guid.NewGuid():N}"[..12];
        TestEngine.Accept(_fleet.Engine.ReportTicket(TestEngine.Ticket(id, _fleet.Time.GetUtcNow())));
        return _fleet.Engine.FindTicket(id)!;
    }
}
