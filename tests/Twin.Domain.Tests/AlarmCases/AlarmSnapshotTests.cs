using Twin.Domain.Alarms;
using Twin.Domain.Cameras;
using Twin.Domain.Engine;
using Twin.Domain.Simulation;
using Twin.Domain.Tests.Simulation;
using Twin.Domain.Tests.Support;

namespace Twin.Domain.Tests.AlarmCases;

/// <summary>Issue 20: an AI video alarm carries its camera's snapshot, and the case filed from it names it as evidence.</summary>
public class AlarmSnapshotTests
{
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 4, 0xFF, 0xD9];

    [Fact]
    public void A_detection_with_a_snapshot_is_stored_beside_its_alarm_and_named_in_the_case_filed_from_it()
    {
        var (engine, time) = TestEngine.Create();
        TestEngine.Accept(engine.RaiseAiVideoAlarm(new AiVideoEvent("CAM-7", "thrown-object", "某小区 疑似高空抛物", TestGeo.Changshou, AlarmSeverity.Major, time.GetUtcNow(), Jpeg)));
        var alarm = Assert.Single(engine.Snapshot().ActiveAlarms);
        Assert.Equal(AlarmSnapshots.IdFor(alarm.Id), alarm.SnapshotId);

        // The snapshot follows its alarm's Raised change: the store refers to the alarm's row.
        var events = engine.DrainEvents();
        var raised = events.OfType<AlarmChanged>().Single(e => e.Change == AlarmChange.Raised);
        var taken = Assert.Single(events.OfType<AlarmSnapshotTaken>());
        Assert.True(taken.Sequence > raised.Sequence);
        Assert.Equal((alarm.SnapshotId, alarm.Id, "CAM-7", alarm.RaisedAt), (taken.Snapshot.Id, taken.Snapshot.AlarmId, taken.Snapshot.CameraId, taken.Snapshot.CapturedAt));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Jpeg)), taken.Snapshot.Sha256);

        TestEngine.Accept(engine.Apply(new FileCaseFromAlarmCommand(alarm.Id, "王值班")));
        var ticket = engine.FindTicket(engine.FindActiveAlarm(alarm.Id)!.CaseId!)!;
        Assert.Contains($"抓拍图像{alarm.SnapshotId}附为本案证据", ticket.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void A_detection_without_a_snapshot_says_where_the_frame_is_looked_up()
    {
        var (engine, time) = TestEngine.Create();
        TestEngine.Accept(engine.RaiseAiVideoAlarm(new AiVideoEvent("CAM-7", "thrown-object", "某小区 疑似高空抛物", TestGeo.Changshou, AlarmSeverity.Major, time.GetUtcNow())));
        var alarm = Assert.Single(engine.Snapshot().ActiveAlarms);
        Assert.Null(alarm.SnapshotId);
        Assert.Empty(engine.DrainEvents().OfType<AlarmSnapshotTaken>());

        TestEngine.Accept(engine.Apply(new FileCaseFromAlarmCommand(alarm.Id, "王值班")));
        Assert.Contains("未随告警送来抓拍图像", engine.FindTicket(engine.FindActiveAlarm(alarm.Id)!.CaseId!)!.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("png")]
    [InlineData("truncated")]
    [InlineData("too big")]
    public void A_snapshot_that_is_not_one_jpeg_within_the_limit_refuses_the_detection(string what)
    {
        byte[] snapshot = what switch
        {
            "png" => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A],
            "truncated" => Jpeg[..^1],
            _ => [0xFF, 0xD8, .. new byte[AlarmSnapshots.MaxBytes], 0xFF, 0xD9],
        };
        var (engine, time) = TestEngine.Create();

        var result = engine.RaiseAiVideoAlarm(new AiVideoEvent("CAM-7", "thrown-object", "某小区 疑似高空抛物", TestGeo.Changshou, AlarmSeverity.Major, time.GetUtcNow(), snapshot));

        Assert.False(result.Accepted);
        Assert.Equal(RefusalCode.EvidenceNotAnImage, result.Why?.Code);
        Assert.Empty(engine.Snapshot().ActiveAlarms);
    }

    [Fact]
    public void The_simulator_has_its_camera_take_a_snapshot_of_every_detection_it_raises()
    {
        var camera = new RecordingCamera();
        var simulator = new TwinSimulator(SimulationWorld.Map, SimulationWorld.Catalogue, SimulationWorld.Cameras, new SimulatorOptions { SensorCount = 50, AiEventsPerDay = 200 })
        {
            SnapshotCamera = camera,
        };
        var start = new DateTimeOffset(2025, 6, 14, 0, 0, 0, TimeSpan.Zero);

        var detections = simulator.Advance(start, start.AddHours(6), null).OfType<RaiseAiVideoAlarmCommand>().Select(c => c.Event).ToList();

        Assert.NotEmpty(detections);
        Assert.All(detections, d => Assert.Equal(RecordingCamera.Frame(d.CameraId), d.Snapshot));
        Assert.Equal(detections.Select(d => d.CameraId), camera.Asked.Select(a => a.Camera.Id));
        Assert.All(camera.Asked, a => Assert.Equal(a.Camera.Location, a.Detection.Location));
    }

    private sealed class RecordingCamera : ISnapshotCamera
    {
        public List<(Camera Camera, AiVideoEvent Detection)> Asked { get; } = [];

        public static byte[] Frame(string cameraId) => [0xFF, 0xD8, .. System.Text.Encoding.UTF8.GetBytes(cameraId), 0xFF, 0xD9];

        public byte[] Capture(Camera camera, AiVideoEvent detection)
        {
            Asked.Add((camera, detection));
            return Frame(camera.Id);
        }
    }
}
