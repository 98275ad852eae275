using Twin.Domain.Tests.Support;
using Twin.Domain.Tickets;

namespace Twin.Domain.Tests.Privacy;

/// <summary>The wall is seen by visitors: a reporter's name and number never leave the engine unmasked.</summary>
public class EngineMaskingTests
{
    [Fact]
    public void Neither_snapshot_nor_events_carry_the_reporters_name_or_phone()
    {
        var (engine, time) = TestEngine.Create();
        var report = TestEngine.Ticket("T-1", time.GetUtcNow(), reporter: new Reporter("张三", "13812341234"));

        TestEngine.Accept(engine.ReportTicket(report));
        TestEngine.Accept(engine.ChangeTicketStatus("T-1", TicketStatus.Filed, "受理员"));
        var snapshot = Json.Of(engine.Snapshot());
        var events = engine.DrainEvents().Select(Json.Of).ToList();

        Assert.Equal(2, events.Count);
        Assert.All([snapshot, .. events], json =>
        {
            Assert.DoesNotContain("张三", json);
            Assert.DoesNotContain("13812341234", json);
            Assert.Contains("张*", json);
            Assert.Contains("138****1234", json);
            Assert.Contains("夜间施工噪声扰民", json);
        });
    }
}
