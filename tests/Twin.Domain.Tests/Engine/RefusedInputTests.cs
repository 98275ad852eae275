using Microsoft.Extensions.Time.Testing;
using Twin.Domain.Alarms;
using Twin.Domain.Engine;
using Twin.Domain.Sensors;
using Twin.Domain.Tests.Support;
using Twin.Domain.Tickets;

namespace Twin.Domain.Tests.Engine;

/// <summary>Every bad input is refused with a reason, and the twin is exactly as it was before.</summary>
public class RefusedInputTests
{
    private sealed record Scene(TwinEngine Engine, FakeTimeProvider Time, DateTimeOffset LastObservedAt, string AcknowledgedAlarmId)
    {
        public DateTimeOffset Now => Time.GetUtcNow();
    }

    private static readonly Dictionary<string, (Func<Scene, TwinCommand> Input, string ReasonContains)> Cases = new()
    {
        ["unknown sensor"] = (s => new RecordObservationCommand(new Observation("WL-404", 3.0, s.Now)), "WL-404"),
        ["NaN value"] = (s => new RecordObservationCommand(new Observation("WL-1", double.NaN, s.Now)), "finite"),
        ["+∞ value"] = (s => new RecordObservationCommand(new Observation("WL-1", double.PositiveInfinity, s.Now)), "finite"),
        ["battery above 100 %"] = (s => new RecordObservationCommand(new Observation("WL-1", 3.0, s.Now, 101)), "battery"),
        ["observed 1 h in the future"] = (s => new RecordObservationCommand(new Observation("WL-1", 3.0, s.Now.AddHours(1))), "ahead"),
        ["observed at the same time as the last"] = (s => new RecordObservationCommand(new Observation("WL-1", 3.0, s.LastObservedAt)), "already has an observation"),
        ["observed 8 days ago"] = (s => new RecordObservationCommand(new Observation("WL-1", 3.0, s.Now.AddDays(-8))), "more than 7 days before"),
        ["creek level above its gauge"] = (s => new RecordObservationCommand(new Observation("WL-1", 1e308, s.Now)), "plausible range"),
        ["creek level below its gauge"] = (s => new RecordObservationCommand(new Observation("WL-1", -0.5, s.Now)), "0–10 m"),
        ["sensor outside the district"] = (_ => new RegisterSensorCommand(TestEngine.Sensor("WL-2", location: TestGeo.PeoplesSquare)), "outside"),
        ["sensor registered twice"] = (_ => new RegisterSensorCommand(TestEngine.Sensor("WL-1")), "already registered"),
        ["ticket outside the district"] = (s => new ReportTicketCommand(TestEngine.Ticket("T-2", s.Now, location: TestGeo.PeoplesSquare)), "outside"),
        ["ticket of an unknown category"] = (s => new ReportTicketCommand(TestEngine.Ticket("T-2", s.Now, category: "ufo-sighting")), "ufo-sighting"),
        ["duplicate ticket id"] = (s => new ReportTicketCommand(TestEngine.Ticket("T-1", s.Now)), "already exists"),
        ["unknown 居委 code"] = (s => new ReportTicketCommand(TestEngine.Ticket("T-2", s.Now, neighbourhoodCode: "310107999999")), "310107999999"),
        ["ticket reported 1 h in the future"] = (s => new ReportTicketCommand(TestEngine.Ticket("T-2", s.Now.AddHours(1))), "ahead"),
        ["status moved backwards"] = (_ => new ChangeTicketStatusCommand("T-1", TicketStatus.Filed, "派遣员"), "cannot move"),
        ["status moved to itself"] = (_ => new ChangeTicketStatusCommand("T-1", TicketStatus.Dispatched, "派遣员"), "cannot move"),
        ["status of an unknown ticket"] = (_ => new ChangeTicketStatusCommand("T-404", TicketStatus.Closed, "派遣员"), "T-404"),
        ["unknown alarm acknowledged"] = (_ => new AcknowledgeAlarmCommand("A-404", "值班员"), "A-404"),
        ["alarm acknowledged twice"] = (s => new AcknowledgeAlarmCommand(s.AcknowledgedAlarmId, "值班员乙"), "already acknowledged"),
        ["AI event outside the district"] = (s => new RaiseAiVideoAlarmCommand(
            new AiVideoEvent("CAM-9", "thrown-object", "高空抛物", TestGeo.PeoplesSquare, AlarmSeverity.Major, s.Now)), "outside"),
    };

    public static TheoryData<string> CaseNames() => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void A_bad_input_is_refused_with_a_reason_and_changes_nothing(string caseName)
    {
        var scene = CreateScene();
        var (input, reasonContains) = Cases[caseName];
        var command = input(scene);
        var versionBefore = scene.Engine.Version;
        var snapshotBefore = Json.Of(scene.Engine.Snapshot());

        var result = scene.Engine.Apply(command);

        Assert.False(result.Accepted);
        Assert.Contains(reasonContains, result.Reason);
        Assert.Equal(versionBefore, scene.Engine.Version);
        Assert.Equal(snapshotBefore, Json.Of(scene.Engine.Snapshot()));
        Assert.Empty(scene.Engine.DrainEvents());
        Assert.Empty(scene.Engine.DrainChangedSensors());
    }

    [Fact]
    public void The_scene_accepts_good_inputs_of_the_same_kinds()
    {
        // The refusals above are for the stated reasons: the same inputs, made good, change the twin.
        var scene = CreateScene();
        var engine = scene.Engine;
        var version = engine.Version;

        TestEngine.Accept(engine.RecordObservation(new Observation("WL-1", 3.0, scene.Now)));
        TestEngine.Accept(engine.ReportTicket(TestEngine.Ticket("T-2", scene.Now, neighbourhoodCode: "310107005001")));
        TestEngine.Accept(engine.ChangeTicketStatus("T-1", TicketStatus.Handling, "处置员"));
        TestEngine.Accept(engine.RaiseAiVideoAlarm(new AiVideoEvent("CAM-9", "thrown-object", "高空抛物", TestGeo.Zhenru, AlarmSeverity.Major, scene.Now)));

        Assert.Equal(version + 4, engine.Version);
        Assert.Equal(
            [nameof(AlarmChanged), nameof(TicketChanged), nameof(TicketChanged), nameof(AlarmChanged)],
            engine.DrainEvents().Select(e => e.GetType().Name));
    }

    private static Scene CreateScene()
    {
        var (engine, time) = TestEngine.Create();
        TestEngine.Accept(engine.RegisterSensor(TestEngine.Sensor("WL-1")));
        engine.Observe(time, "WL-1", 4.0);
        var lastObservedAt = time.GetUtcNow();
        var alarm = Assert.Single(engine.Snapshot().ActiveAlarms);
        TestEngine.Accept(engine.AcknowledgeAlarm(alarm.Id, "值班员甲"));
        TestEngine.Accept(engine.ReportTicket(TestEngine.Ticket("T-1", time.GetUtcNow())));
        TestEngine.Accept(engine.ChangeTicketStatus("T-1", TicketStatus.Dispatched, "派遣员"));
        time.Advance(TimeSpan.FromSeconds(30));
        engine.DrainEvents();
        engine.DrainChangedSensors();
        return new Scene(engine, time, lastObservedAt, alarm.Id);
    }
}
