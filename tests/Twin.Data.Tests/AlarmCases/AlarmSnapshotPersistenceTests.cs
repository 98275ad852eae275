using Twin.Data.Store;
using Twin.Data.Tests.Support;
using Twin.Domain.Alarms;
using Twin.Domain.Engine;

namespace Twin.Data.Tests.AlarmCases;

/// <summary>
/// Issue 20: an AI alarm's snapshot is stored with the alarm, becomes the evidence of the case the
/// alarm is filed as (in the filing's batch), comes back after a restart, and is removed by the
/// retention pass only where no case took it.
/// </summary>
public sealed class AlarmSnapshotPersistenceTests : IDisposable
{
    private static readonly byte[] Filed = [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 4, 0xFF, 0xD9];
    private static readonly byte[] Unfiled = [0xFF, 0xD8, 0xFF, 0xE0, 5, 6, 7, 8, 0xFF, 0xD9];
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task A_filed_alarms_snapshot_is_its_cases_evidence_and_outlives_the_retention_that_removes_an_unfiled_one()
    {
        var clock = Scenario.Clock();
        string filedId, unfiledId, caseId;
        await using (var twin = await PipelineHarness.StartAsync(_db, clock))
        {
            await twin.SubmitOkAsync(new RaiseAiVideoAlarmCommand(
                new AiVideoEvent("CAM-1", "thrown-object", "某小区 疑似高空抛物", TestDistrict.InsidePoints[0], AlarmSeverity.Major, clock.GetUtcNow(), Filed)));
            filedId = twin.Engine.Snapshot().ActiveAlarms.Single().Id;
            await twin.SubmitOkAsync(new RaiseAiVideoAlarmCommand(
                new AiVideoEvent("CAM-2", "thrown-object", "另一小区 疑似高空抛物", TestDistrict.InsidePoints[5], AlarmSeverity.Major, clock.GetUtcNow(), Unfiled)));
            unfiledId = twin.Engine.Snapshot().ActiveAlarms.Single(a => a.Id != filedId).Id;
            await twin.SubmitOkAsync(new FileCaseFromAlarmCommand(filedId, "值班员01"));
            caseId = twin.Engine.FindActiveAlarm(filedId)!.CaseId!;
            await twin.StopAsync();
        }

        var snapshotId = AlarmSnapshots.IdFor(filedId);
        Assert.Equal(1, _db.Scalar($"SELECT COUNT(*) FROM alarms WHERE id = '{filedId}' AND snapshot_id = '{snapshotId}'"));
        Assert.Equal(1, _db.Scalar($"SELECT COUNT(*) FROM evidence WHERE id = '{snapshotId}' AND ticket_id = '{caseId}' AND camera_id = 'CAM-1' AND drone_id IS NULL AND actor = '值班员01'"));
        Assert.Equal(0, _db.Scalar($"SELECT COUNT(*) FROM evidence WHERE ticket_id <> '{caseId}'"));

        await using (var restarted = await PipelineHarness.StartAsync(_db, clock))
        {
            Assert.Equal(snapshotId, restarted.Engine.FindActiveAlarm(filedId)!.SnapshotId);
            var evidence = Assert.Single(await restarted.Store.GetEvidenceAsync(caseId));
            Assert.Equal((snapshotId, "CAM-1", (string?)null, Filed.Length, false), (evidence.Id, evidence.CameraId, evidence.DroneId, evidence.Bytes, evidence.OffStation));
            Assert.Equal(Filed, (await restarted.Store.GetEvidenceImageAsync(snapshotId))!.Value.Jpeg);
            Assert.Equal(Unfiled, (await restarted.Store.GetAlarmSnapshotAsync(unfiledId))!.Value.Jpeg);

            var keep = new RetentionPolicy(TimeSpan.FromDays(7), TimeSpan.FromDays(730), AlarmSnapshotImages: TimeSpan.FromDays(30));
            var early = await restarted.Store.RunLifecycleAsync(clock.GetUtcNow().AddDays(29), keep);
            Assert.Equal(0, early.AlarmSnapshotImagesRemoved);
            var late = await restarted.Store.RunLifecycleAsync(clock.GetUtcNow().AddDays(31), keep);
            Assert.Equal(1, late.AlarmSnapshotImagesRemoved);

            Assert.Null(await restarted.Store.GetAlarmSnapshotAsync(unfiledId));
            Assert.Equal(Filed, (await restarted.Store.GetAlarmSnapshotAsync(filedId))!.Value.Jpeg);
            Assert.Equal(Filed, (await restarted.Store.GetEvidenceImageAsync(snapshotId))!.Value.Jpeg);
        }
    }
}
