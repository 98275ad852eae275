using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Twin.Data.Boundary;
using Twin.Data.Nodes;
using Twin.Data.Store.Providers;
using Twin.Data.Tests.Support;
using Twin.Domain.Alarms;
using Twin.Domain.Dispatch;
using Twin.Domain.Engine;
using Twin.Domain.Organisations;
using Twin.Domain.Sensors;

namespace Twin.Data.Tests.Nodes;

/// <summary>
/// The inbox between a follower node and the writer, on the real PostgreSQL server: a handed-off
/// command is answered only once the writer committed it, with the outcome the writer saw; its
/// idempotency key still works; an unanswered hand-off times out but stays queued (docs/two-nodes.md).
/// </summary>
public sealed class CommandInboxTests : IDisposable
{
    private readonly TempDatabase _db = new(StorageProvider.Postgres);
    private readonly CancellationTokenSource _stop = new();

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
        _db.Dispose();
    }

    [Fact]
    public async Task A_handed_off_command_is_answered_once_committed_and_its_replay_finds_the_first()
    {
        await using var twin = await PipelineHarness.StartAsync(_db, Scenario.Clock());
        var inbox = Inbox(TimeSpan.FromSeconds(20));
        _ = inbox.DrainAsync(Writer(twin), _stop.Token);
        var report = Scenario.Ticket("T-NODE-1", twin.Clock.GetUtcNow());

        var outcomes = await inbox.HandOffAsync(
            [new RegisterSensorCommand(Scenario.Sensor("N-1", SensorKind.Noise)), new RecordObservationCommand(new Observation("N-1", 42, twin.Clock.GetUtcNow())), new ReportTicketCommand(report)],
            _stop.Token);

        Assert.All(outcomes, o => Assert.Equal(OutcomeKind.Applied, o.Kind));
        Assert.NotNull(outcomes[1].ObservationId);
        Assert.Equal("T-NODE-1", outcomes[2].Id);
        var changed = Assert.Single(outcomes[2].Changes.OfType<TicketChanged>());
        Assert.Equal("T-NODE-1", changed.Ticket.Id);
        Assert.DoesNotContain("13812345678", changed.Ticket.PhoneMasked, StringComparison.Ordinal);
        Assert.Contains(twin.Pipeline.Current.Tickets, t => t.Id == "T-NODE-1");

        var replay = Assert.Single(await inbox.HandOffAsync([new ReportTicketCommand(report)], _stop.Token));
        Assert.Equal(OutcomeKind.Replayed, replay.Kind);
        Assert.Equal("T-NODE-1", replay.Id);

        // Answered rows keep no body (a reporter's phone lives only in the tickets table), and retention deletes them.
        Assert.Equal(0L, await ScalarAsync("SELECT COUNT(*) FROM inbox WHERE body IS NOT NULL"));
        Assert.Equal(4L, await ScalarAsync("SELECT COUNT(*) FROM inbox WHERE outcome IS NOT NULL"));
        Assert.Equal(4, await inbox.TrimAsync(DateTimeOffset.UtcNow.AddMinutes(1), _stop.Token));
    }

    [Fact]
    public async Task Without_a_writer_a_hand_off_times_out_unconfirmed_and_is_applied_once_a_writer_drains()
    {
        var inbox = Inbox(TimeSpan.FromSeconds(1));
        var report = Scenario.Ticket("T-NODE-2", Scenario.Morning);

        await Assert.ThrowsAsync<WriterUnavailableException>(() => inbox.HandOffAsync([new ReportTicketCommand(report)], _stop.Token));
        Assert.Equal(1L, await ScalarAsync("SELECT COUNT(*) FROM inbox WHERE answered_at IS NULL"));

        await using var twin = await PipelineHarness.StartAsync(_db, Scenario.Clock());
        _ = inbox.DrainAsync(Writer(twin), _stop.Token);
        for (var waited = 0; twin.Pipeline.Current.Tickets.All(t => t.Id != "T-NODE-2"); waited++)
        {
            Assert.True(waited < 100, "the queued ticket was not applied within 10 s of a writer draining the inbox");
            await Task.Delay(100);
        }

        // The caller's retry (same key) learns it exists rather than making a second one.
        Assert.Equal(OutcomeKind.Replayed, Assert.Single(await Inbox(TimeSpan.FromSeconds(20)).HandOffAsync([new ReportTicketCommand(report)], _stop.Token)).Kind);
    }

    [Fact]
    public async Task A_console_action_whose_writer_died_right_after_committing_it_is_applied_once_by_the_next()
    {
        // The writers' clock is the inbox's: answered rows are stamped by the one and trimmed by the
        // other, so a twin clock months behind had the next writer's first trim delete the answer
        // before the waiting follower read it.
        var clock = Scenario.Clock(TimeProvider.System.GetUtcNow());
        // Long enough for two writers' start-ups on a loaded machine: the wait itself is not what is tested.
        var inbox = Inbox(TimeSpan.FromSeconds(90));
        var handOff = Task.FromResult<IReadOnlyList<CommandOutcome>>([]);
        await using (var first = await PipelineHarness.StartAsync(_db, clock))
        {
            await first.SubmitOkAsync(new ReportTicketCommand(Scenario.Ticket("T-ONCE", clock.GetUtcNow())));
            await first.SubmitOkAsync(new FileTicketCommand("T-ONCE", "值班员01"));
            await first.SubmitOkAsync(new DispatchTicketCommand("T-ONCE", "派单员"));
            await first.SubmitOkAsync(new AcceptDispatchCommand("T-ONCE", first.Engine.FindTicket("T-ONCE")!.Department!));

            // The first writer commits the handed-over note, then dies before its drain goes on.
            using var dies = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
            var committed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _ = inbox.DrainAsync(async (commands, ct) =>
            {
                await Writer(first)(commands, ct);
                committed.TrySetResult();
                await Task.Delay(Timeout.Infinite, ct);
                return true;
            }, dies.Token);
            handOff = inbox.HandOffAsync([new RecordHandlingCommand("T-ONCE", "值班员01", "现场已清理")], _stop.Token);
            await committed.Task.WaitAsync(TimeSpan.FromSeconds(20));
            await dies.CancelAsync();
        }

        // The next writer rebuilds from the store and drains the inbox: nothing there is left to apply again.
        await using var next = await PipelineHarness.StartAsync(_db, clock);
        _ = inbox.DrainAsync(Writer(next), _stop.Token);
        var outcome = Assert.Single(await handOff.WaitAsync(TimeSpan.FromSeconds(90)));
        Assert.True(outcome.Kind == OutcomeKind.Applied, $"{outcome.Kind}: {outcome.Reason}");
        Assert.Equal("T-ONCE", outcome.Id);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(1L, await ScalarAsync("SELECT COUNT(*) FROM ticket_history WHERE ticket_id = 'T-ONCE' AND note LIKE '%现场已清理%'"));
        Assert.Equal(0L, await ScalarAsync("SELECT COUNT(*) FROM inbox WHERE answered_at IS NULL"));
    }

    [Fact]
    public void A_command_crosses_as_json_with_its_scope_and_area()
    {
        var ring = new[] { Scenario.Point(0), Scenario.Point(1), Scenario.Point(2), Scenario.Point(0) };
        var command = new RaiseExternalAlarmCommand(new ExternalAlert("CAP-1", "thunderstorm", "雷电预警", AlarmSeverity.Major, Scenario.Point(0), AlarmArea.Polygon([ring]), ["CAP-0"]) { Owner = "feed" })
        {
            Scope = AccessScope.CentreOfficer,
        };

        var (kind, body) = CommandJson.Write(command);
        var read = Assert.IsType<RaiseExternalAlarmCommand>(CommandJson.Read(kind, body));

        Assert.Equal(body, CommandJson.Write(read).Body);
        Assert.Equal(AccessScope.CentreOfficer, read.Scope);
        Assert.Equal("feed", read.Alert.Owner);
        Assert.Equal(ring, read.Alert.Area.Rings![0]);
        Assert.Throws<System.Text.Json.JsonException>(() => CommandJson.Read("DropTables", "{}"));
    }

    private CommandInbox Inbox(TimeSpan timeout)
    {
        var connectionString = _db.Options().ConnectionString!;
        var signals = new NodeSignals(connectionString, NullLogger<NodeSignals>.Instance);
        _ = signals.ListenAsync(_stop.Token);
        return new CommandInbox(connectionString, signals, new NodeOptions { HandOffTimeout = timeout }, TimeProvider.System, NullLogger<CommandInbox>.Instance);
    }

    /// <summary>The writer's side as the host wires it: submitted in order with their row ids, answered in their batches.</summary>
    private static Func<IReadOnlyList<(long InboxId, TwinCommand Command)>, CancellationToken, Task<bool>> Writer(PipelineHarness twin) => async (commands, ct) =>
    {
        var pending = commands.Select(c => twin.Pipeline.SubmitAsync(c.Command, c.InboxId, ct).AsTask()).ToList();
        await Task.WhenAll(pending);
        return true;
    };

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_db.Options().ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
