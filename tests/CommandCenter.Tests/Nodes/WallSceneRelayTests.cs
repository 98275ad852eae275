using System.Collections.Concurrent;
using CommandCenter.Configuration;
using CommandCenter.Scenes;
using CommandCenter.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Twin.Data.Nodes;

namespace CommandCenter.Tests.Nodes;

/// <summary>
/// The wall scenes between two nodes on the real PostgreSQL server (docs/two-nodes.md): a
/// presenter's step on a follower reaches the writer's director whole, and the writer's scene with
/// the presentation holding the walls reaches the follower's, as the directors exchange them.
/// </summary>
public sealed class WallSceneRelayTests
{
    [Fact]
    public async Task A_followers_presenter_step_reaches_the_writer_and_the_writers_scene_reaches_the_follower()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        using var stop = new CancellationTokenSource();
        var writer = Relay(database.ConnectionString, stop.Token);
        var follower = Relay(database.ConnectionString, stop.Token);
        var asked = new ConcurrentQueue<WallSceneAsk>();
        var followed = new ConcurrentQueue<WallSceneState>();
        writer.Asked += asked.Enqueue;
        follower.Followed += followed.Enqueue;
        writer.Start();
        follower.Start();

        var now = DateTimeOffset.UtcNow;
        PresenterSlide[] sequence = [new(WallScene.District, "310107022000", "alerts"), new(WallScene.KeyEvents, Target: "T-20261206-0001"), new(WallScene.Briefing)];
        var step = WallPresentation.Start("值班员01", sequence, now).Forward(now.AddSeconds(5));

        // The listeners may still be connecting: ask until the writer has heard it.
        await Eventually.Until(async () =>
        {
            await follower.AskAsync(new WallSceneAsk(Presents: true, Present: step, ReceivedAt: 42), stop.Token);
            await Task.Delay(200);
            return !asked.IsEmpty;
        }, "the writer's relay hears the follower's step");
        var heard = asked.First(a => a.Presents);
        Assert.NotNull(heard.Present);
        Assert.Equal(42, heard.ReceivedAt);
        Assert.Equal(("值班员01", 1, sequence[1], now.AddSeconds(5)), (heard.Present.Presenter, heard.Present.Step, heard.Present.Slide, heard.Present.LastActionAt));
        Assert.Equal(sequence, heard.Present.Sequence);

        var scene = new WallSceneMessage(WallScene.KeyEvents.Slug(), null, null) { Target = new SceneTarget("T-20261206-0001", "ticket", 121.4, 31.24), Presenting = true, SentAt = 7 };
        await writer.PublishAsync(new WallSceneState(scene, heard.Present), stop.Token);
        await Eventually.Until(() => !followed.IsEmpty, "the follower's relay hears the writer's scene");
        var shown = followed.Single();
        Assert.Equal(scene, shown.Current);
        Assert.Equal(sequence[1], shown.Presentation?.Slide);
        await stop.CancelAsync();
    }

    private static WallSceneRelay Relay(string connectionString, CancellationToken stop)
    {
        var signals = new NodeSignals(connectionString, NullLogger<NodeSignals>.Instance);
        _ = signals.ListenAsync(stop);
        var options = new NodeOptions();
        var nodes = new TwinNodes(
            new WriterLease(connectionString, NullLogger<WriterLease>.Instance), signals,
            new CommandInbox(connectionString, signals, options, TimeProvider.System, NullLogger<CommandInbox>.Instance), options);
        return new WallSceneRelay(Options.Create(new ScaleOptions()), NullLogger<WallSceneRelay>.Instance, nodes);
    }
}
