using CommandCenter.Map;
using CommandCenter.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace CommandCenter.Tests.Hub;

/// <summary>Per-connection delivery of the map feed: one slow screen must not stall the others.</summary>
public sealed class MapFanoutTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 30, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_slow_screen_does_not_hold_back_deltas_for_a_fast_one()
    {
        var sender = new ScriptedSender(slow: "wall-slow");
        await using var fanout = new MapFanout(sender, queueLength: 8, NullLogger<MapFanout>.Instance);
        fanout.Subscribe("wall-slow", Snapshot(0));
        fanout.Subscribe("wall-fast", Snapshot(0));

        for (var seq = 1; seq <= 5; seq++)
        {
            fanout.Publish(Delta(seq), () => Snapshot(seq));
        }

        await Eventually.Until(() => sender.Received("wall-fast").Count == 6, "the fast screen gets its snapshot and five deltas");
        Assert.Equal(["snapshot 0", "delta 1", "delta 2", "delta 3", "delta 4", "delta 5"], sender.Received("wall-fast"));
        Assert.Equal(["snapshot 0"], sender.Received("wall-slow"));
        Assert.Equal(0, fanout.Overflows);

        sender.ReleaseSlow();
        await Eventually.Until(() => sender.Received("wall-slow").Count == 6, "the slow screen catches up once it reads again");
        Assert.Equal(sender.Received("wall-fast"), sender.Received("wall-slow"));
    }

    [Fact]
    public async Task A_screen_whose_queue_overflows_gets_a_snapshot_and_then_the_deltas_after_it()
    {
        var sender = new ScriptedSender(slow: "wall-slow");
        await using var fanout = new MapFanout(sender, queueLength: 4, NullLogger<MapFanout>.Instance);
        fanout.Subscribe("wall-slow", Snapshot(0));
        fanout.Subscribe("wall-fast", Snapshot(0));
        await Eventually.Until(() => sender.Received("wall-slow").Count == 1, "the slow screen is stuck taking its first snapshot");

        // Deltas come a window apart; the fast screen takes each before the next exists.
        for (var seq = 1; seq <= 10; seq++)
        {
            fanout.Publish(Delta(seq), () => Snapshot(seq));
            await Eventually.Until(() => sender.Received("wall-fast").Count == seq + 1, $"the fast screen gets delta {seq}");
        }

        Assert.Equal(2, fanout.Overflows);
        sender.ReleaseSlow();
        await Eventually.Until(() => sender.Received("wall-slow").LastOrDefault() == "delta 10", "the slow screen reaches the latest delta");

        var slow = sender.Received("wall-slow");
        Assert.True(slow.Count < 11, $"the slow screen skipped what it could not take: {string.Join(", ", slow)}");
        var resync = slow.FindLastIndex(m => m.StartsWith("snapshot", StringComparison.Ordinal));
        Assert.True(resync > 0, $"a snapshot after the first: {string.Join(", ", slow)}");
        var from = int.Parse(slow[resync]["snapshot ".Length..], System.Globalization.CultureInfo.InvariantCulture);
        var after = slow.Skip(resync + 1).ToList();
        Assert.Equal(Enumerable.Range(from + 1, 10 - from).Select(s => $"delta {s}"), after);
    }

    [Fact]
    public async Task A_screen_that_leaves_gets_nothing_more_and_the_others_carry_on()
    {
        var sender = new ScriptedSender(slow: null);
        await using var fanout = new MapFanout(sender, queueLength: 8, NullLogger<MapFanout>.Instance);
        fanout.Subscribe("wall-a", Snapshot(0));
        fanout.Subscribe("wall-b", Snapshot(0));
        fanout.Publish(Delta(1), () => Snapshot(1));
        await Eventually.Until(() => sender.Received("wall-a").Count == 2 && sender.Received("wall-b").Count == 2, "both get delta 1");

        await fanout.UnsubscribeAsync("wall-a");
        fanout.Publish(Delta(2), () => Snapshot(2));

        await Eventually.Until(() => sender.Received("wall-b").Count == 3, "the remaining screen gets delta 2");
        Assert.Equal(["snapshot 0", "delta 1"], sender.Received("wall-a"));
        Assert.Equal(1, fanout.Subscribers);
    }

    internal static SnapshotMessage Snapshot(long seq) =>
        new(new WireJson<MapSnapshot>(new MapSnapshot(seq, At, new Dictionary<string, FeatureCollection>())));

    internal static DeltaMessage Delta(long seq) =>
        new(new WireJson<MapDelta>(new MapDelta(seq, At, [], [], [new SensorUpdate("S-00001", seq, null, null, At.AddSeconds(seq))])));
}
