using CommandCenter.Drones;
using CommandCenter.Map;
using CommandCenter.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using static CommandCenter.Tests.Hub.MapFanoutTests;

namespace CommandCenter.Tests.Hub;

/// <summary>The drone fleet through the per-connection loops: a slow screen holds nobody back and gets the latest fleet.</summary>
public sealed class DroneFanoutTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 30, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_slow_screen_does_not_hold_back_the_fleet_for_a_fast_one_and_then_gets_only_the_latest()
    {
        var sender = new ScriptedSender(slow: "wall-slow");
        await using var fanout = new MapFanout(sender, queueLength: 8, NullLogger<MapFanout>.Instance);
        fanout.Subscribe("wall-slow", Snapshot(0));
        fanout.Subscribe("wall-fast", Snapshot(0));
        await Eventually.Until(() => sender.Received("wall-slow").Count == 1, "the slow screen is stuck taking its snapshot");

        for (var fleet = 1; fleet <= 3; fleet++)
        {
            fanout.PublishFleet(_ => Fleet(fleet));
            await Eventually.Until(() => sender.Received("wall-fast").LastOrDefault() == $"drones {fleet}", $"the fast screen gets fleet {fleet}");
        }

        Assert.Equal(["snapshot 0", "drones 1", "drones 2", "drones 3"], sender.Received("wall-fast"));
        Assert.Equal(["snapshot 0"], sender.Received("wall-slow"));

        sender.ReleaseSlow();
        await Eventually.Until(() => sender.Received("wall-slow").Count == 2, "the slow screen gets a fleet once it reads again");
        // A later fleet marks the end: anything older still queued for the slow screen would arrive before it.
        fanout.PublishFleet(_ => Fleet(4));
        await Eventually.Until(() => sender.Received("wall-slow").LastOrDefault() == "drones 4", "the slow screen gets the next fleet");
        Assert.Equal(["snapshot 0", "drones 3", "drones 4"], sender.Received("wall-slow"));
    }

    [Fact]
    public async Task A_fleet_waiting_for_a_slow_screen_survives_the_snapshot_that_replaces_its_full_queue()
    {
        var sender = new ScriptedSender(slow: "wall-slow");
        await using var fanout = new MapFanout(sender, queueLength: 4, NullLogger<MapFanout>.Instance);
        fanout.Subscribe("wall-slow", Snapshot(0));
        await Eventually.Until(() => sender.Received("wall-slow").Count == 1, "the slow screen is stuck taking its snapshot");

        fanout.PublishFleet(_ => Fleet(7));
        for (var seq = 1; seq <= 10; seq++)
        {
            fanout.Publish(Delta(seq), () => Snapshot(seq));
        }

        Assert.True(fanout.Overflows > 0, "the deltas overflowed the slow screen's queue");
        sender.ReleaseSlow();
        await Eventually.Until(() => sender.Received("wall-slow").LastOrDefault() == "delta 10", "the slow screen reaches the latest delta");
        Assert.Single(sender.Received("wall-slow"), m => m == "drones 7");
    }

    [Fact]
    public async Task A_screen_that_just_subscribed_is_sent_the_fleet_and_an_unknown_one_nothing()
    {
        var sender = new ScriptedSender(slow: null);
        await using var fanout = new MapFanout(sender, queueLength: 8, NullLogger<MapFanout>.Instance);
        fanout.Subscribe("wall-a", Snapshot(0));
        fanout.SendFleet("wall-a", _ => Fleet(1));
        fanout.SendFleet("wall-gone", _ => Fleet(1));

        await Eventually.Until(() => sender.Received("wall-a").Count == 2, "the new screen gets the fleet after its snapshot");
        Assert.Equal(["snapshot 0", "drones 1"], sender.Received("wall-a"));
        Assert.Empty(sender.Received("wall-gone"));
    }

    // The routes' version tells the fleets apart in what each connection was sent.
    private static DronesMessage Fleet(int version) => new(new WireJson<DroneFleetMessage>(new DroneFleetMessage(At, version, new FeatureCollection([]))));
}
