using System.Collections.Concurrent;
using System.Threading.Channels;
using CommandCenter.Tests.Support;
using System.Data.Common;
using Twin.Data.Pipeline;
using Twin.Data.Store.Providers;
using Twin.Data.Tests.Support;
using Twin.Domain.Emergency;
using Twin.Domain.Engine;
using Twin.Domain.Sensors;

namespace Twin.Data.Tests.Pipeline;

public abstract class PipelineTests(StorageProvider provider) : IDisposable
{
    private readonly TempDatabase _db = new(provider);

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task An_acknowledged_input_is_already_in_the_database()
    {
        await using var twin = await PipelineHarness.StartAsync(_db, Scenario.Clock());
        await twin.SubmitOkAsync(new RegisterSensorCommand(Scenario.Sensor("N-1", SensorKind.Noise)));
        await twin.SubmitOkAsync(new RecordObservationCommand(new Observation("N-1", 42, twin.Clock.GetUtcNow())));
        await twin.SubmitOkAsync(new ReportTicketCommand(Scenario.Ticket("T-1", twin.Clock.GetUtcNow())));

        // A separate, unpooled connection: only what was committed is visible to it.
        Assert.Equal(1, _db.Scalar("SELECT COUNT(*) FROM observations WHERE sensor_id = 'N-1' AND value = 42"));
        Assert.Equal(1, _db.Scalar("SELECT COUNT(*) FROM tickets WHERE id = 'T-1' AND reporter_name = '张三丰'"));
        Assert.Equal(1, _db.Scalar("SELECT COUNT(*) FROM ticket_history WHERE ticket_id = 'T-1'"));
    }

    [Fact]
    public async Task A_refused_input_is_answered_with_its_reason_and_stores_nothing()
    {
        await using var twin = await PipelineHarness.StartAsync(_db, Scenario.Clock());

        var result = await twin.Pipeline.SubmitAsync(new RecordObservationCommand(new Observation("NOPE", 1, twin.Clock.GetUtcNow())));

        Assert.False(result.Accepted);
        Assert.Contains("NOPE", result.Reason);
        Assert.Equal(0, await twin.Store.CountObservationsAsync());
    }

    [Fact]
    public async Task A_ticket_is_in_Current_when_acknowledged_and_Committed_carries_the_delta()
    {
        await using var twin = await PipelineHarness.StartAsync(_db, Scenario.Clock());
        var committed = new TaskCompletionSource<TwinChangeSet>(TaskCreationOptions.RunContinuationsAsynchronously);
        twin.Pipeline.Committed += changes =>
        {
            if (changes.Events.OfType<TicketChanged>().Any())
            {
                committed.TrySetResult(changes);
            }
        };

        await twin.SubmitOkAsync(new ReportTicketCommand(Scenario.Ticket("T-1", twin.Clock.GetUtcNow())));

        Assert.Contains(twin.Pipeline.Current.Tickets, t => t.Id == "T-1");
        var changes = await committed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var ticket = Assert.IsType<TicketChanged>(Assert.Single(changes.Events)).Ticket;
        Assert.Equal("张**", ticket.ReporterMasked);
        Assert.False(changes.IsReset);
        Assert.True(changes.Version <= twin.Pipeline.Current.Version);
    }

    [Fact]
    public async Task A_sensor_change_reaches_Current_without_a_further_input()
    {
        await using var twin = await PipelineHarness.StartAsync(_db, Scenario.Clock());
        await twin.SubmitOkAsync(new RegisterSensorCommand(Scenario.Sensor("N-1", SensorKind.Noise)));
        for (var i = 1; i <= 5; i++)
        {
            twin.Clock.Advance(TimeSpan.FromSeconds(1));
            await twin.SubmitOkAsync(new RecordObservationCommand(new Observation("N-1", i, twin.Clock.GetUtcNow())));
        }

        // Readings are folded into Current every snapshot interval (200 ms); how fast is measured in
        // bench/, here only that the last one gets there with nothing else arriving.
        await Eventually.Until(() => twin.Pipeline.Current.Sensors.SingleOrDefault()?.LastValue == 5, "Current shows the last reading");
    }

    [Fact]
    public async Task A_failed_write_fails_its_acknowledgements_and_rewinds_the_engine_to_the_disk()
    {
        await using var twin = await PipelineHarness.StartAsync(_db, Scenario.Clock(), busyTimeout: TimeSpan.FromSeconds(1));
        var resets = new ConcurrentQueue<TwinChangeSet>();
        twin.Pipeline.Committed += changes =>
        {
            if (changes.IsReset)
            {
                resets.Enqueue(changes);
            }
        };
        await twin.SubmitOkAsync(new RegisterSensorCommand(Scenario.Sensor("N-1", SensorKind.Noise)));

        using (_db.HoldWriteLock())
        {
            var error = await Assert.ThrowsAnyAsync<DbException>(async () =>
                await twin.Pipeline.SubmitAsync(new ReportTicketCommand(Scenario.Ticket("T-1", twin.Clock.GetUtcNow()))));
            Assert.True(_db.IsLockTimeout(error), error.ToString());
            Assert.DoesNotContain(twin.Pipeline.Current.Tickets, t => t.Id == "T-1");
            Assert.Null(twin.Engine.FindTicket("T-1"));
            Assert.Single(resets);
        }

        Assert.Equal(0, _db.Scalar("SELECT COUNT(*) FROM tickets"));
        await twin.SubmitOkAsync(new ReportTicketCommand(Scenario.Ticket("T-1", twin.Clock.GetUtcNow())));
        Assert.Single(await twin.Store.GetTicketHistoryAsync("T-1"));
        Assert.Equal("N-1", Assert.Single(twin.Pipeline.Current.Sensors).Definition.Id);
    }

    [Fact]
    public async Task While_the_store_is_gone_every_input_fails_and_none_is_acknowledged()
    {
        await using var twin = await PipelineHarness.StartAsync(_db, Scenario.Clock());
        await twin.SubmitOkAsync(new RegisterSensorCommand(Scenario.Sensor("N-1", SensorKind.Noise)));
        await twin.Store.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(async () =>
            await twin.Pipeline.SubmitAsync(new RecordObservationCommand(new Observation("N-1", 1, twin.Clock.GetUtcNow()))));
        await Assert.ThrowsAsync<InvalidOperationException>(async () =>
            await twin.Pipeline.SubmitAsync(new ReportTicketCommand(Scenario.Ticket("T-1", twin.Clock.GetUtcNow()))));

        Assert.Equal(0, _db.Scalar("SELECT COUNT(*) FROM observations"));
        Assert.Equal(0, _db.Scalar("SELECT COUNT(*) FROM tickets"));
    }

    [Fact]
    public async Task A_stopped_pipeline_takes_no_more_input()
    {
        await using var twin = await PipelineHarness.StartAsync(_db, Scenario.Clock());
        await twin.StopAsync();

        Assert.False(twin.Pipeline.TryPost(new TickCommand()));
        await Assert.ThrowsAsync<ChannelClosedException>(async () => await twin.Pipeline.SubmitAsync(new TickCommand()));
    }

    [Fact]
    public async Task Posting_stops_at_the_backlog_limit_so_an_acknowledged_input_is_not_queued_behind_a_flood()
    {
        var clock = Scenario.Clock();
        await using var store = _db.CreateStore();
        var pipeline = new TwinPipeline(Scenario.Engine(clock), store, new TwinPipelineOptions { PostedBacklog = 10, MaxBatch = 10 });
        await pipeline.StartupAsync();
        var registered = pipeline.SubmitAsync(new RegisterSensorCommand(Scenario.Sensor("N-1", SensorKind.Noise))).AsTask();
        var start = clock.GetUtcNow();
        var posted = Enumerable.Range(0, 50)
            .Count(i => pipeline.TryPost(new RecordObservationCommand(new Observation("N-1", i, start.AddSeconds(i - 100)))));
        var ticket = pipeline.SubmitAsync(new ReportTicketCommand(Scenario.Ticket("T-1", start))).AsTask();
        var batches = new ConcurrentQueue<long>();
        pipeline.Committed += changes => batches.Enqueue(changes.Version);

        var running = Task.Run(() => pipeline.RunAsync());
        Assert.True((await ticket).Accepted);
        var batchesBeforeTicket = batches.Count;
        Assert.True((await registered).Accepted);
        Assert.True(pipeline.TryPost(new RecordObservationCommand(new Observation("N-1", 99, start.AddSeconds(-1)))));
        pipeline.Complete();
        await running;

        Assert.Equal(10, posted);
        Assert.InRange(batchesBeforeTicket, 1, 2);
        Assert.Equal(11, _db.Scalar("SELECT COUNT(*) FROM observations WHERE sensor_id = 'N-1'"));
    }

    [Fact]
    public async Task A_change_of_mode_is_committed_alone_before_the_readings_queued_ahead_of_it_and_once()
    {
        var clock = Scenario.Clock();
        await using var store = _db.CreateStore();
        var pipeline = new TwinPipeline(Scenario.Engine(clock), store, new TwinPipelineOptions { PostedBacklog = 1000, MaxBatch = 1000 });
        await pipeline.StartupAsync();
        var registered = pipeline.SubmitAsync(new RegisterSensorCommand(Scenario.Sensor("N-1", SensorKind.Noise))).AsTask();
        var start = clock.GetUtcNow();
        Assert.All(Enumerable.Range(0, 500), i => Assert.True(pipeline.TryPost(new RecordObservationCommand(new Observation("N-1", 40 + i % 60, start.AddSeconds(i - 600))))));
        var confirmed = pipeline.SubmitAsync(new StartEmergencyCommand(EmergencyType.FloodTyphoon, ResponseLevel.IV, "李督办", OfficerRole.Supervisor, "暴雨蓝色预警")).AsTask();
        var batches = new ConcurrentQueue<TwinChangeSet>();
        pipeline.Committed += batches.Enqueue;

        var running = Task.Run(() => pipeline.RunAsync());
        Assert.True((await confirmed).Accepted);
        Assert.True((await registered).Accepted);
        pipeline.Complete();
        await running;

        // The walls follow the first commit: the mode alone, none of the 500 readings queued before it.
        var first = batches.First();
        Assert.Single(first.Events.OfType<ModeChanged>());
        Assert.Empty(first.ChangedSensors);
        // Queued in both lanes, applied once; the readings all followed, each once.
        Assert.Single(batches.SelectMany(b => b.Events).OfType<ModeChanged>(), e => e.Change.Kind == ModeChangeKind.Started);
        Assert.Equal(500, _db.Scalar("SELECT COUNT(*) FROM observations WHERE sensor_id = 'N-1'"));
    }

    [Fact]
    public async Task Cancelling_the_writer_fails_what_is_still_queued()
    {
        var clock = Scenario.Clock();
        var engine = Scenario.Engine(clock);
        await using var store = _db.CreateStore();
        var pipeline = new TwinPipeline(engine, store);
        await pipeline.StartupAsync();
        var queued = pipeline.SubmitAsync(new TickCommand()).AsTask();

        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await pipeline.RunAsync(cancelled.Token);

        await Assert.ThrowsAsync<InvalidOperationException>(() => queued);
    }
}

public sealed class PipelineTestsOnSqlite() : PipelineTests(StorageProvider.Sqlite);

public sealed class PipelineTestsOnPostgres() : PipelineTests(StorageProvider.Postgres);
