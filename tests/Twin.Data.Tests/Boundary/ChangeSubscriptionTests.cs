using System.Collections.Concurrent;
using CommandCenter.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Twin.Data.Boundary;
using Twin.Data.Pipeline;
using Twin.Data.Tests.Support;
using Twin.Domain.Engine;
using Twin.Domain.Sensors;

namespace Twin.Data.Tests.Boundary;

/// <summary>Committed changes reach each subscriber on its own queue: a stuck subscriber neither holds the writer nor loses the audit's record.</summary>
public sealed class ChangeSubscriptionTests : IDisposable
{
    private const int Readings = TwinChanges.LatestCapacity + 40;

    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task A_stuck_subscriber_does_not_stall_commits_and_is_reset_when_it_falls_too_far_behind()
    {
        await using var twin = await PipelineHarness.StartAsync(_db, Scenario.Clock());
        using var changes = new TwinChanges(twin.Pipeline, NullLogger<TwinChanges>.Instance);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var latest = new ConcurrentQueue<TwinChangeSet>();
        var every = new ConcurrentQueue<TwinChangeSet>();
        using var stuck = changes.Subscribe("stuck", async (set, ct) =>
        {
            await release.Task.WaitAsync(ct);
            latest.Enqueue(set);
        });
        using var audit = changes.Subscribe("audit", async (set, ct) =>
        {
            await release.Task.WaitAsync(ct);
            every.Enqueue(set);
        }, ChangeDelivery.Every);
        await twin.SubmitOkAsync(new RegisterSensorCommand(Scenario.Sensor("N-1", SensorKind.Noise)));

        // Each reading is its own batch and its own change set; all are acknowledged while nobody reads.
        for (var i = 0; i < Readings; i++)
        {
            twin.Clock.Advance(TimeSpan.FromSeconds(1));
            await twin.SubmitOkAsync(new RecordObservationCommand(new Observation("N-1", i % 100, twin.Clock.GetUtcNow())))
                .WaitAsync(TimeSpan.FromSeconds(10));
        }

        release.SetResult();
        await Eventually.Until(() => every.Count == Readings + 1, "the every-change subscriber has every change set");
        await Eventually.Until(() => latest.Any(s => s.IsReset), "the latest-only subscriber gets a reset");

        Assert.Equal(every.Select(s => s.Version).Order(), every.Select(s => s.Version));
        Assert.All(every, s => Assert.False(s.IsReset));
        Assert.True(latest.Count < Readings, "the stuck Latest subscriber is handed a reset instead of every change set");
    }

    [Fact]
    public async Task A_disposed_subscription_gets_nothing_more()
    {
        await using var twin = await PipelineHarness.StartAsync(_db, Scenario.Clock());
        using var changes = new TwinChanges(twin.Pipeline, NullLogger<TwinChanges>.Instance);
        var seen = new ConcurrentQueue<long>();
        var witnessed = new ConcurrentQueue<long>();
        var subscription = changes.Subscribe("short", (set, _) =>
        {
            seen.Enqueue(set.Version);
            return Task.CompletedTask;
        });
        using var witness = changes.Subscribe("witness", (set, _) =>
        {
            witnessed.Enqueue(set.Version);
            return Task.CompletedTask;
        });
        await twin.SubmitOkAsync(new RegisterSensorCommand(Scenario.Sensor("N-1", SensorKind.Noise)));
        await Eventually.Until(() => !seen.IsEmpty, "the subscriber sees a change");

        subscription.Dispose();
        var before = seen.Count;
        await twin.SubmitOkAsync(new RegisterSensorCommand(Scenario.Sensor("N-2", SensorKind.Noise, placement: 1)));
        await twin.SubmitOkAsync(new RegisterSensorCommand(Scenario.Sensor("N-3", SensorKind.Noise, placement: 2)));

        // The witness has both later change sets, so the disposed one would have had them by now.
        await Eventually.Until(() => witnessed.Count == before + 2, "the witness has both later change sets");
        Assert.Equal(before, seen.Count);
    }
}
