using Twin.Domain.Alarms;
using Twin.Domain.Sensors;
using Twin.Domain.Tests.Support;
using Twin.Domain.Tickets;

namespace Twin.Domain.Tests.Engine;

public class SnapshotTests
{
    [Fact]
    public void A_snapshot_stays_as_it_was_taken_while_the_twin_moves_on()
    {
        var (engine, time) = TestEngine.Create();
        TestEngine.Accept(engine.RegisterSensor(TestEngine.Sensor("WL-1")));
        engine.Observe(time, "WL-1", 3.0);
        TestEngine.Accept(engine.ReportTicket(TestEngine.Ticket("T-1", time.GetUtcNow())));
        var snapshot = engine.Snapshot();
        var taken = Json.Of(snapshot);

        engine.Observe(time, "WL-1", 4.6);
        TestEngine.Accept(engine.ChangeTicketStatus("T-1", TicketStatus.Closed, "处置员"));
        TestEngine.Accept(engine.ReportTicket(TestEngine.Ticket("T-2", time.GetUtcNow())));
        TestEngine.Accept(engine.RaiseAiVideoAlarm(new AiVideoEvent("CAM-1", "thrown-object", "高空抛物", TestGeo.Zhenru, AlarmSeverity.Major, time.GetUtcNow())));
        time.Advance(TimeSpan.FromHours(2));
        engine.Tick();
        var later = engine.Snapshot();

        Assert.Equal(taken, Json.Of(snapshot));
        Assert.NotEqual(taken, Json.Of(later));
        Assert.Equal(3.0, Assert.Single(snapshot.Sensors).LastValue);
        Assert.Equal(TicketStatus.Discovered, Assert.Single(snapshot.Tickets).Status);
        Assert.Empty(snapshot.ActiveAlarms);
        Assert.Equal(2, later.ActiveAlarms.Length);
        Assert.Equal(SensorHealth.Offline, Assert.Single(later.Sensors).Health);
    }
}
