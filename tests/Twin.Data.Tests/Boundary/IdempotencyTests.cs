using Twin.Data.Boundary;
using Twin.Data.Pipeline;
using Twin.Data.Tests.Support;
using Twin.Domain.Engine;
using Twin.Domain.Sensors;

namespace Twin.Data.Tests.Boundary;

/// <summary>Replays are found inside the single writer: a second copy of a keyed input, in the same batch or a later one, answers with the first one's id and changes nothing.</summary>
public sealed class IdempotencyTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task The_same_ticket_twice_in_one_batch_is_created_once_and_both_answers_name_it()
    {
        var clock = Scenario.Clock();
        await using var store = _db.CreateStore();
        var pipeline = new TwinPipeline(Scenario.Engine(clock), store);
        await pipeline.StartupAsync();
        var report = new ReportTicketCommand(Scenario.Ticket("O311-abc", clock.GetUtcNow()));

        // Both queued before the writer runs, so they are read into one batch.
        var first = pipeline.SubmitAsync(report).AsTask();
        var second = pipeline.SubmitAsync(report).AsTask();
        var running = Task.Run(() => pipeline.RunAsync());
        var (a, b) = (await first, await second);
        pipeline.Complete();
        await running;

        Assert.Equal(OutcomeKind.Applied, a.Kind);
        Assert.Equal("O311-abc", a.Id);
        Assert.Contains(a.Changes, e => e is TicketChanged { Ticket.Id: "O311-abc" });
        Assert.Equal(OutcomeKind.Replayed, b.Kind);
        Assert.Equal("O311-abc", b.Id);
        Assert.Empty(b.Changes);
        Assert.Equal(1, _db.Scalar("SELECT COUNT(*) FROM tickets WHERE id = 'O311-abc'"));
        Assert.Equal(1, _db.Scalar("SELECT COUNT(*) FROM ticket_history WHERE ticket_id = 'O311-abc'"));
    }

    [Fact]
    public async Task The_same_ticket_in_a_later_batch_is_a_replay_of_the_stored_one()
    {
        await using var twin = await PipelineHarness.StartAsync(_db, Scenario.Clock());
        var report = new ReportTicketCommand(Scenario.Ticket("O311-def", twin.Clock.GetUtcNow()));

        var created = await twin.Pipeline.SubmitAsync(report);
        var replayed = await twin.Pipeline.SubmitAsync(report);

        Assert.True(created.Accepted);
        Assert.True(replayed.Replayed);
        Assert.Equal(created.Id, replayed.Id);
        Assert.Equal(1, _db.Scalar("SELECT COUNT(*) FROM ticket_history WHERE ticket_id = 'O311-def'"));
    }

    [Fact]
    public async Task A_reading_answers_with_its_row_id_a_replay_with_the_same_id_and_another_result_with_a_conflict_naming_it()
    {
        var clock = Scenario.Clock();
        await using var store = _db.CreateStore();
        var pipeline = new TwinPipeline(Scenario.Engine(clock), store);
        await pipeline.StartupAsync();
        var sensor = pipeline.SubmitAsync(new RegisterSensorCommand(Scenario.Sensor("N-1", SensorKind.Noise))).AsTask();
        var reading = new RecordObservationCommand(new Observation("N-1", 55, clock.GetUtcNow()));
        var first = pipeline.SubmitAsync(reading).AsTask();
        var sameBatch = pipeline.SubmitAsync(reading).AsTask();
        var otherValue = pipeline.SubmitAsync(reading with { Observation = reading.Observation with { Value = 99 } }).AsTask();
        var running = Task.Run(() => pipeline.RunAsync());
        Assert.True((await sensor).Accepted);
        var (a, b, c) = (await first, await sameBatch, await otherValue);

        var laterBatch = await pipeline.SubmitAsync(reading);
        var laterConflict = await pipeline.SubmitAsync(reading with { Observation = reading.Observation with { Value = 98 } });
        pipeline.Complete();
        await running;

        Assert.True(a.Accepted);
        var id = Assert.IsType<long>(a.ObservationId);
        Assert.Equal(id, _db.Scalar("SELECT id FROM observations WHERE sensor_id = 'N-1'"));
        Assert.True(b.Replayed);
        Assert.Equal(id, b.ObservationId);
        Assert.True(laterBatch.Replayed);
        Assert.Equal(id, laterBatch.ObservationId);
        Assert.Equal(OutcomeKind.Conflict, c.Kind);
        Assert.Equal(id, c.ObservationId);
        Assert.Contains($"Observation {id} of Datastream N-1", c.Reason);
        Assert.Equal(OutcomeKind.Conflict, laterConflict.Kind);
        Assert.Contains("with result 55", laterConflict.Reason);
        Assert.False(laterConflict.Exists);
        Assert.Equal(1, _db.Scalar("SELECT COUNT(*) FROM observations WHERE sensor_id = 'N-1' AND value = 55"));
        Assert.Equal(0, _db.Scalar("SELECT COUNT(*) FROM observations WHERE value IN (98, 99)"));
    }

    [Fact]
    public async Task A_refused_input_is_not_a_replay_and_names_nothing()
    {
        await using var twin = await PipelineHarness.StartAsync(_db, Scenario.Clock());

        var outcome = await twin.Pipeline.SubmitAsync(new RecordObservationCommand(new Observation("NOPE", 1, twin.Clock.GetUtcNow())));

        Assert.Equal(OutcomeKind.Refused, outcome.Kind);
        Assert.False(outcome.Exists);
        Assert.Null(outcome.ObservationId);
    }
}
