using Twin.Domain.Dispatch;
using Twin.Domain.Engine;
using Twin.Domain.Tests.Support;
using Twin.Domain.Tickets;

namespace Twin.Domain.Tests.Dispatch;

public class LoopStateMachineTests
{
    private const string Id = "T-1";

    /// <summary>The expected state table, written out independently of <see cref="DispatchRules"/>.</summary>
    private static readonly Dictionary<DispatchAction, (TicketStatus[] From, TicketStatus? To)> Table = new()
    {
        [DispatchAction.File] = ([TicketStatus.Discovered], TicketStatus.Filed),
        [DispatchAction.Dispatch] = ([TicketStatus.Filed], TicketStatus.Dispatched),
        [DispatchAction.Accept] = ([TicketStatus.Dispatched], TicketStatus.Handling),
        [DispatchAction.AddCoordinatingDepartment] = ([TicketStatus.Dispatched, TicketStatus.Handling], null),
        [DispatchAction.Refuse] = ([TicketStatus.Dispatched], TicketStatus.Filed),
        [DispatchAction.SubmitForReview] = ([TicketStatus.Handling], TicketStatus.Review),
        [DispatchAction.Approve] = ([TicketStatus.Review], TicketStatus.Closed),
        [DispatchAction.Reject] = ([TicketStatus.Review], TicketStatus.Handling),
        [DispatchAction.Close] = ([TicketStatus.Discovered, TicketStatus.Filed], TicketStatus.Closed),
        [DispatchAction.Evaluate] = ([TicketStatus.Closed], TicketStatus.Evaluated),
        [DispatchAction.Reopen] = ([TicketStatus.Closed, TicketStatus.Evaluated], TicketStatus.Handling),
        [DispatchAction.Supervise] = ([TicketStatus.Discovered, TicketStatus.Filed, TicketStatus.Dispatched, TicketStatus.Handling, TicketStatus.Review], null),
        [DispatchAction.Merge] = ([TicketStatus.Discovered, TicketStatus.Filed], TicketStatus.Merged),
        [DispatchAction.Split] = ([TicketStatus.Merged], TicketStatus.Discovered),
        [DispatchAction.Reassign] = ([TicketStatus.Dispatched, TicketStatus.Handling], TicketStatus.Dispatched),
        [DispatchAction.RecordHandling] = ([TicketStatus.Handling], null),
    };

    public static TheoryData<TicketStatus, DispatchAction> AllPairs()
    {
        var data = new TheoryData<TicketStatus, DispatchAction>();
        foreach (var status in Enum.GetValues<TicketStatus>())
        {
            foreach (var action in Enum.GetValues<DispatchAction>())
            {
                data.Add(status, action);
            }
        }

        return data;
    }

    [Fact]
    public void The_table_covers_every_action()
    {
        Assert.Equal(Enum.GetValues<DispatchAction>().Order(), Table.Keys.Order());
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Every_action_from_every_status_is_applied_or_refused_as_the_table_says(TicketStatus from, DispatchAction action)
    {
        var desk = new Desk(DuplicateRules.Off);
        desk.Report("T-case", description: "另一处：小区门口垃圾桶满溢");
        desk.Report(Id);
        if (from == TicketStatus.Merged)
        {
            desk.Ok(new MergeTicketCommand(Id, Desk.Officer, "T-case"));
        }
        else
        {
            desk.Bring(Id, from);
        }

        Assert.Equal(from, desk[Id].Status);
        var before = desk[Id];
        var historyBefore = desk.History.Count;

        var result = desk.Do(Command(action));

        var (legalFrom, to) = Table[action];
        if (legalFrom.Contains(from))
        {
            Assert.True(result.Accepted, result.Reason);
            Assert.Equal(to ?? from, desk[Id].Status);
            var step = desk.History.Skip(historyBefore).First(t => t.TicketId == Id);
            Assert.Equal((from, to ?? from, Desk.Officer), (step.From!.Value, step.To, step.Actor));
            Assert.False(string.IsNullOrWhiteSpace(step.Note));
            Assert.Equal(desk.Time.GetUtcNow(), step.At);
        }
        else
        {
            Assert.False(result.Accepted);
            Assert.Contains("cannot", result.Reason);
            Assert.Contains(from.ToString(), result.Reason);
            Assert.Equal(before, desk[Id]);
            Assert.Equal(historyBefore, desk.History.Count);
        }
    }

    [Fact]
    public void History_is_append_only_and_starts_with_discovery()
    {
        var desk = new Desk(DuplicateRules.Off);
        desk.Report(Id);
        desk.Bring(Id, TicketStatus.Evaluated);

        var history = desk.LoopSteps(Id).ToList();
        Assert.Equal(
            [null, TicketStatus.Discovered, TicketStatus.Filed, TicketStatus.Dispatched, TicketStatus.Handling, TicketStatus.Review, TicketStatus.Closed],
            history.Select(t => t.From));
        Assert.True(history.Zip(history.Skip(1)).All(p => p.First.To == p.Second.From), "each step starts where the last ended");
        Assert.True(history.Zip(history.Skip(1)).All(p => p.First.At <= p.Second.At));
    }

    [Fact]
    public void Actions_need_an_actor_a_known_ticket_and_a_reason_where_one_is_asked_for()
    {
        var desk = new Desk(DuplicateRules.Off);
        desk.Report(Id);
        desk.Bring(Id, TicketStatus.Dispatched);

        Assert.Contains("T-404", desk.Do(new FileTicketCommand("T-404", Desk.Officer)).Reason);
        Assert.Contains("who", desk.Do(new AcceptDispatchCommand(Id, " ")).Reason);
        Assert.Contains("reason", desk.Do(new RefuseDispatchCommand(Id, "区生态环境局", "")).Reason);
        Assert.Contains("level", desk.Do(new SuperviseTicketCommand(Id, "督办员", 4, "拖延")).Reason);
        Assert.Contains("already", desk.Do(new AddCoordinatingDepartmentCommand(Id, Desk.Officer, "区生态环境局")).Reason);
        Assert.Equal(TicketStatus.Dispatched, desk[Id].Status);
    }

    [Fact]
    public void Dispatch_goes_to_the_catalogues_owner_for_the_ticket_s_街镇_unless_a_department_is_named()
    {
        var desk = new Desk(DuplicateRules.Off);
        desk.Report("T-g", category: "garbage-sorting", at: TestGeo.Zhenru, description: "垃圾桶满溢无人清运");
        desk.Report("T-n", category: "noise");
        desk.Ok(new FileTicketCommand("T-g", Desk.Officer));
        desk.Ok(new FileTicketCommand("T-n", Desk.Officer));

        desk.Ok(new DispatchTicketCommand("T-g", "派单员"));
        desk.Ok(new DispatchTicketCommand("T-n", "派单员", "长寿路街道城管中队"));

        var garbage = TestEngine.Catalogue.Find("garbage-sorting")!;
        Assert.Equal(garbage.DepartmentFor(desk["T-g"].SubDistrictCode), desk["T-g"].Department);
        Assert.Equal("长寿路街道城管中队", desk["T-n"].Department);
    }

    private static TwinCommand Command(DispatchAction action) => action switch
    {
        DispatchAction.File => new FileTicketCommand(Id, Desk.Officer),
        DispatchAction.Dispatch => new DispatchTicketCommand(Id, Desk.Officer),
        DispatchAction.Accept => new AcceptDispatchCommand(Id, Desk.Officer),
        DispatchAction.AddCoordinatingDepartment => new AddCoordinatingDepartmentCommand(Id, Desk.Officer, "区城管执法局"),
        DispatchAction.Refuse => new RefuseDispatchCommand(Id, Desk.Officer, "非本部门职责"),
        DispatchAction.SubmitForReview => new SubmitForReviewCommand(Id, Desk.Officer),
        DispatchAction.Approve => new ApproveReviewCommand(Id, Desk.Officer),
        DispatchAction.Reject => new RejectReviewCommand(Id, Desk.Officer, "现场仍有噪声"),
        DispatchAction.Close => new CloseTicketCommand(Id, Desk.Officer, "重复来电，已答复"),
        DispatchAction.Evaluate => new EvaluateTicketCommand(Id, Desk.Officer, Satisfied: true),
        DispatchAction.Reopen => new ReopenTicketCommand(Id, Desk.Officer, "问题反复"),
        DispatchAction.Supervise => new SuperviseTicketCommand(Id, Desk.Officer, 1, "领导关注"),
        DispatchAction.Merge => new MergeTicketCommand(Id, Desk.Officer, "T-case"),
        DispatchAction.Split => new SplitTicketCommand(Id, Desk.Officer, "不是同一问题"),
        DispatchAction.Reassign => new ReassignTicketCommand(Id, Desk.Officer, "区消防救援支队", "涉及消防通道"),
        DispatchAction.RecordHandling => new RecordHandlingCommand(Id, Desk.Officer, "已到场处置"),
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };
}
