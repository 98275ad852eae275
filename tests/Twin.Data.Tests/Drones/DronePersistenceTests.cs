using System.Security.Cryptography;
using Twin.Data.Tests.Support;
using Twin.Domain.Drones;
using Twin.Domain.Engine;
using Twin.Domain.Geography;

namespace Twin.Data.Tests.Drones;

/// <summary>The fleet, its missions and captured evidence survive a restart exactly as acknowledged.</summary>
public sealed class DronePersistenceTests : IDisposable
{
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 9, 8, 7, 6, 5, 0xFF, 0xD9];

    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task A_restarted_twin_has_the_same_fleet_missions_trail_and_evidence()
    {
        var clock = Scenario.Clock();
        var home = Scenario.Point(0);
        string missionId;
        DroneState before;
        await using (var twin = await PipelineHarness.StartAsync(_db, clock))
        {
            await twin.SubmitOkAsync(new RegisterDroneCommand(new DroneDefinition("D-01", "经纬 M350 RTK", home, 15)));
            for (var i = 1; i <= 5; i++)
            {
                clock.Advance(TimeSpan.FromSeconds(10));
                await twin.SubmitOkAsync(new RecordDroneTelemetryCommand(new DroneTelemetry(
                    "D-01", clock.GetUtcNow(), new GeoPoint(home.Lon, home.Lat + i * 0.0005), 60, 0, 6, 90 - i, 88)));
            }

            await twin.SubmitOkAsync(new ReportTicketCommand(Scenario.Ticket("T-D1", clock.GetUtcNow())));
            await twin.SubmitOkAsync(new PlanMissionCommand(new MissionPlan("D-01", MissionKind.TicketFlight, "值班员", TargetId: "T-D1")));
            missionId = twin.Engine.FindDrone("D-01")!.MissionId!;
            await twin.SubmitOkAsync(new ChangeMissionStatusCommand(missionId, MissionStatus.Flying, "值班员"));
            await twin.SubmitOkAsync(new AttachEvidenceCommand("E-0001", "T-D1", "D-01", Jpeg, "值班员"));
            await twin.StopAsync();
            before = twin.Engine.FindDrone("D-01")!;
        }

        await using var restarted = await PipelineHarness.StartAsync(_db, clock);
        var after = restarted.Engine.FindDrone("D-01")!;
        Assert.Equal(before with { Trail = [] }, after with { Trail = [] });
        Assert.Equal(before.Trail.ToArray(), after.Trail.ToArray());
        Assert.Equal(MissionStatus.Flying, restarted.Engine.FindMission(missionId)!.Status);

        var evidence = Assert.Single(await restarted.Store.GetEvidenceAsync("T-D1"));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Jpeg)), evidence.Sha256);
        var image = await restarted.Store.GetEvidenceImageAsync("E-0001");
        Assert.Equal(Jpeg, image!.Value.Jpeg);
        var history = await restarted.Store.GetTicketHistoryAsync("T-D1");
        Assert.Contains(history, h => h.Note?.Contains("E-0001", StringComparison.Ordinal) == true);

        // Mission numbers go on after a restart rather than reuse an id.
        await restarted.SubmitOkAsync(new ChangeMissionStatusCommand(missionId, MissionStatus.Aborted, "值班员"));
        await restarted.SubmitOkAsync(new PlanMissionCommand(new MissionPlan("D-01", MissionKind.TicketFlight, "值班员", TargetId: "T-D1")));
        Assert.NotEqual(missionId, restarted.Engine.FindDrone("D-01")!.MissionId);
    }
}
