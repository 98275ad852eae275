using Microsoft.Extensions.Time.Testing;
using Twin.Domain.Dispatch;
using Twin.Domain.Engine;
using Twin.Domain.Geography;
using Twin.Domain.Tests.Support;
using Twin.Domain.Tickets;

namespace Twin.Domain.Tests.Dispatch;

/// <summary>An engine with duplicate detection on, and the officer's moves to bring a ticket to any status.</summary>
public sealed class Desk
{
    public const string Officer = "值班员01";

    public Desk(DuplicateRules? duplicates = null, EvaluationWindow? evaluation = null)
    {
        (Engine, Time) = TestEngine.Create(duplicates: duplicates ?? new DuplicateRules(), evaluation: evaluation);
    }

    public TwinEngine Engine { get; }

    public FakeTimeProvider Time { get; }

    public List<TicketTransition> History { get; } = [];

    public TicketState this[string id] => Engine.FindTicket(id) ?? throw new InvalidOperationException($"no ticket {id}");

    /// <summary>Metres north of <paramref name="from"/> (a degree of latitude is ~110.9 km here).</summary>
    public static GeoPoint North(GeoPoint from, double metres) => new(from.Lon, from.Lat + metres / 110_900.0);

    public void Report(
        string id,
        TicketChannel channel = TicketChannel.Hotline12345,
        string category = "noise",
        GeoPoint? at = null,
        string title = "夜间施工噪声扰民",
        string description = "晚上十点后工地仍在施工，噪声很大，影响休息")
    {
        var report = TestEngine.Ticket(id, Time.GetUtcNow(), channel, category, at ?? TestGeo.Changshou) with { Title = title, Description = description };
        TestEngine.Accept(Engine.ReportTicket(report));
        Drain();
    }

    public InputResult Do(TwinCommand command)
    {
        var result = Engine.Apply(command);
        Drain();
        return result;
    }

    public void Ok(TwinCommand command) => TestEngine.Accept(Do(command));

    public void Tick()
    {
        Engine.Tick();
        Drain();
    }

    public IEnumerable<TicketTransition> HistoryOf(string id) => History.Where(t => t.TicketId == id);

    /// <summary>The loop's own steps, without the step that records a person taking the case over from simulated staff.</summary>
    public IEnumerable<TicketTransition> LoopSteps(string id) => HistoryOf(id).Where(t => !TicketHistoryFacts.IsClaim(t));

    /// <summary>Takes a freshly reported ticket along the happy path to <paramref name="status"/>.</summary>
    public void Bring(string id, TicketStatus status)
    {
        var path = new (TicketStatus Reached, TwinCommand Command)[]
        {
            (TicketStatus.Filed, new FileTicketCommand(id, Officer)),
            (TicketStatus.Dispatched, new DispatchTicketCommand(id, "派单员")),
            (TicketStatus.Handling, new AcceptDispatchCommand(id, "区生态环境局")),
            (TicketStatus.Review, new SubmitForReviewCommand(id, "区生态环境局")),
            (TicketStatus.Closed, new ApproveReviewCommand(id, "审核员")),
            (TicketStatus.Evaluated, new EvaluateTicketCommand(id, "市民回访", Satisfied: true)),
        };
        foreach (var (reached, command) in path)
        {
            if (this[id].Status >= status)
            {
                return;
            }

            if (reached <= this[id].Status)
            {
                continue;
            }

            Ok(command);
            Assert.Equal(reached, this[id].Status);
        }
    }

    private void Drain()
    {
        foreach (var e in Engine.DrainEvents().OfType<TicketChanged>())
        {
            History.Add(e.Transition);
        }
    }
}
