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

    [Fact]
    public void Personal_data_written_into_the_title_or_description_is_masked_before_it_leaves_the_engine()
    {
        var (engine, time) = TestEngine.Create();
        var report = TestEngine.Ticket("T-2", time.GetUtcNow()) with
        {
            Title = "我叫张小明 13812341234",
            Description = "联系人李四，电话021-62345678，沪A·12345占道",
        };

        TestEngine.Accept(engine.ReportTicket(report));
        var json = Json.Of(engine.Snapshot()) + string.Concat(engine.DrainEvents().Select(Json.Of));

        foreach (var personal in new[] { "张小明", "13812341234", "李四", "62345678", "沪A·12345" })
        {
            Assert.DoesNotContain(personal, json);
        }

        Assert.Equal("我叫张** 138****1234", engine.FindTicket("T-2")!.Title);
        Assert.Equal(report.Title + "\n" + report.Description, Reporter.StatementOf(report));
    }
}
