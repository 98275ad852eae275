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
}
