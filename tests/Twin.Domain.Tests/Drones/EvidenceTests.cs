using System.Security.Cryptography;
using Twin.Domain.Drones;
using Twin.Domain.Engine;
using Twin.Domain.Tests.Support;
using Twin.Domain.Tickets;

namespace Twin.Domain.Tests.Drones;

public sealed class EvidenceTests
{
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 4, 0xFF, 0xD9];

    private readonly Fleet _fleet = new();

    [Fact]
    public void A_captured_frame_becomes_a_line_in_the_ticket_timeline_with_its_hash()
    {
        TestEngine.Accept(_fleet.Engine.ReportTicket(TestEngine.Ticket("T-E1", _fleet.Time.GetUtcNow())));
        _fleet.Fly(Fleet.Offset(Fleet.Home, 0, 100), TimeSpan.FromSeconds(30));
        _fleet.Engine.DrainEvents();

        TestEngine.Accept(_fleet.Engine.AttachEvidence(new AttachEvidenceCommand("E-1", "T-E1", Fleet.DroneId, Jpeg, Fleet.Officer)));

        var events = _fleet.Engine.DrainEvents();
        var changed = Assert.Single(events.OfType<TicketChanged>());
        Assert.Null(changed.Transition.From);
        Assert.Equal(TicketStatus.Discovered, changed.Transition.To);
        Assert.Contains("E-1", changed.Transition.Note);
        var attached = Assert.Single(events.OfType<EvidenceAttached>()).Evidence;
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Jpeg)), attached.Sha256);
        Assert.Equal(Fleet.Offset(Fleet.Home, 0, 100), attached.Position);
        Assert.Equal(_fleet.Time.GetUtcNow(), _fleet.Engine.FindTicket("T-E1")!.UpdatedAt);
    }

    [Theory]
    [InlineData(100, false)]
    [InlineData(400, true)]
    public void Evidence_records_the_drones_distance_from_the_case_and_flags_a_capture_taken_off_station(double metres, bool offStation)
    {
        TestEngine.Accept(_fleet.Engine.ReportTicket(TestEngine.Ticket("T-E3", _fleet.Time.GetUtcNow(), location: TestGeo.Changshou)));
        _fleet.Fly(Fleet.Offset(TestGeo.Changshou, metres, 0), TimeSpan.FromSeconds(30));
        _fleet.Engine.DrainEvents();

        TestEngine.Accept(_fleet.Engine.AttachEvidence(new AttachEvidenceCommand("E-5", "T-E3", Fleet.DroneId, Jpeg, Fleet.Officer)));

        var events = _fleet.Engine.DrainEvents();
        var evidence = Assert.Single(events.OfType<EvidenceAttached>()).Evidence;
        Assert.InRange(evidence.DistanceMetres, metres - 3, metres + 3);
        Assert.Equal(offStation, evidence.OffStation);
        var line = Assert.Single(events.OfType<TicketChanged>()).Transition.Note!;
        Assert.Contains($"距案发点{evidence.DistanceMetres:F0}米", line);
        Assert.Equal(offStation, line.Contains("偏离现场", StringComparison.Ordinal));
    }

    [Fact]
    public void Evidence_that_is_not_a_jpeg_or_has_no_open_ticket_is_refused()
    {
        TestEngine.Accept(_fleet.Engine.ReportTicket(TestEngine.Ticket("T-E2", _fleet.Time.GetUtcNow())));

        Assert.Contains("JPEG", _fleet.Engine.AttachEvidence(new AttachEvidenceCommand("E-2", "T-E2", Fleet.DroneId, [1, 2, 3, 4, 5], Fleet.Officer)).Reason);
        Assert.Contains("Unknown ticket", _fleet.Engine.AttachEvidence(new AttachEvidenceCommand("E-3", "T-NONE", Fleet.DroneId, Jpeg, Fleet.Officer)).Reason);
        Assert.Contains("Unknown drone", _fleet.Engine.AttachEvidence(new AttachEvidenceCommand("E-4", "T-E2", "D-NONE", Jpeg, Fleet.Officer)).Reason);
    }

    [Fact]
    public void A_drone_sent_to_a_case_that_turns_back_for_battery_says_why_in_the_cases_timeline()
    {
        TestEngine.Accept(_fleet.Engine.ReportTicket(TestEngine.Ticket("T-E4", _fleet.Time.GetUtcNow())));
        TestEngine.Accept(_fleet.Engine.PlanMission(new MissionPlan(Fleet.DroneId, MissionKind.TicketFlight, Fleet.Officer, TargetId: "T-E4")));
        var mission = _fleet.Drone.MissionId!;
        TestEngine.Accept(_fleet.Engine.ChangeMissionStatus(mission, MissionStatus.Flying, Fleet.Officer, null));
        _fleet.Engine.DrainEvents();
        const string reason = "电量低返航：剩余19%，返航900米需6%，另留15%余量 · low battery: 19% left, 6% needed to fly 900 m home plus 15% reserve";

        TestEngine.Accept(_fleet.Engine.ChangeMissionStatus(mission, MissionStatus.Returning, "simulator", reason));

        var line = Assert.Single(_fleet.Engine.DrainEvents().OfType<TicketChanged>()).Transition;
        Assert.Equal(("T-E4", TicketStatus.Discovered, (TicketStatus?)null), (line.TicketId, line.To, line.From));
        Assert.Equal($"{TwinEngine.TurnBackNote} · {Fleet.DroneId} · {mission} · {reason}", line.Note);

        // Landing after the return adds nothing more to the case; a patrol's return touches no ticket.
        TestEngine.Accept(_fleet.Engine.ChangeMissionStatus(mission, MissionStatus.Landed, "simulator", null));
        Assert.Empty(_fleet.Engine.DrainEvents().OfType<TicketChanged>());
        var patrol = _fleet.PlanPatrol();
        TestEngine.Accept(_fleet.Engine.ChangeMissionStatus(patrol, MissionStatus.Flying, Fleet.Officer, null));
        TestEngine.Accept(_fleet.Engine.ChangeMissionStatus(patrol, MissionStatus.Returning, "simulator", reason));
        Assert.Empty(_fleet.Engine.DrainEvents().OfType<TicketChanged>());
    }
}
