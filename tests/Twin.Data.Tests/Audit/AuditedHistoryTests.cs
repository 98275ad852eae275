using System.Data.Common;
using Twin.Data.Audit;
using Twin.Data.Tests.Support;
using Twin.Domain.Dispatch;
using Twin.Domain.Emergency;
using Twin.Domain.Engine;
using Twin.Domain.Sensors;

namespace Twin.Data.Tests.Audit;

/// <summary>
/// The store writes the audit row of each ticket step, alarm acknowledgement, mode change and removed sensor in the
/// batch's own transaction, and verification checks the histories against the log: a step whose
/// audit row is missing (a crash between two writes, or a cut newest row that no anchor covers yet)
/// is reported even though the chain itself is intact.
/// </summary>
public sealed class AuditedHistoryTests : IDisposable
{
    private static readonly AuditChain Chain = new(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task Every_ticket_step_acknowledgement_and_mode_change_has_its_audit_row_and_verifies()
    {
        await using (var twin = await StartAsync())
        {
            await RecordCaseAndAlarmAsync(twin);
            await twin.SubmitOkAsync(new StartEmergencyCommand(EmergencyType.FloodTyphoon, ResponseLevel.IV, "李督办", OfficerRole.Supervisor, "暴雨"));
            await twin.SubmitOkAsync(new CompleteChecklistStepCommand(twin.Pipeline.Current.Checklist[0].StepId, "王值班", "现场已布防"));
            var stock = twin.Pipeline.Current.Stock[0];
            await twin.SubmitOkAsync(new MoveStockCommand(stock.DepotId, stock.Item, StockMovementKind.Draw, 1, "王值班", "现场取用"));
        }

        var steps = _db.Scalar("SELECT COUNT(*) FROM ticket_history");
        Assert.True(steps >= 3);
        Assert.Equal(steps, _db.Scalar($"SELECT COUNT(*) FROM audit_log WHERE action = '{AuditActions.TicketTransition}'"));
        Assert.Equal(1, _db.Scalar($"SELECT COUNT(*) FROM audit_log WHERE action = '{AuditActions.AlarmAcknowledged}' AND actor = '值班长'"));
        Assert.Equal(1, _db.Scalar($"SELECT COUNT(*) FROM audit_log WHERE action = '{AuditActions.ModeChanged}' AND actor = '李督办'"));
        Assert.Equal(1, _db.Scalar($"SELECT COUNT(*) FROM audit_log WHERE action = '{AuditActions.ChecklistStepDone}' AND actor = '王值班'"));
        Assert.Equal(1, _db.Scalar($"SELECT COUNT(*) FROM audit_log WHERE action = '{AuditActions.StockMoved}' AND actor = '王值班'"));

        // Each step's row names its history row; notes and reasons stay out of the log.
        var ids = Texts("SELECT detail FROM audit_log WHERE action = 'ticket.transition' ORDER BY id");
        Assert.Equal(Texts("SELECT 'ticket_history #' || id FROM ticket_history ORDER BY id"), ids.Select(d => d[d.IndexOf("ticket_history #", StringComparison.Ordinal)..]));
        Assert.Equal(0, _db.Scalar("SELECT COUNT(*) FROM audit_log WHERE detail LIKE '%暴雨%' OR detail LIKE '%现场%'"));

        var verification = await VerifyAsync();
        Assert.True(verification.Intact, verification.Problem);
    }

    [Fact]
    public async Task Verify_reports_a_ticket_step_whose_audit_row_was_deleted()
    {
        await using (var twin = await StartAsync())
        {
            await twin.SubmitOkAsync(new ReportTicketCommand(Scenario.Ticket("T-1", twin.Clock.GetUtcNow())));
            await twin.SubmitOkAsync(new FileTicketCommand("T-1", "王值班"));
        }

        // The newest row is the filing step's: cut it around the trigger, as a lost write would leave it.
        // The chain still links (nothing after it), so only the cross-check can tell.
        var cut = _db.Scalar("SELECT max(id) FROM audit_log");
        Assert.Equal(AuditActions.TicketTransition, Texts($"SELECT action FROM audit_log WHERE id = {cut}").Single());
        using (var connection = _db.OpenRaw())
        {
            Execute(connection, "DROP TRIGGER audit_log_no_early_delete");
            Execute(connection, $"DELETE FROM audit_log WHERE id = {cut}");
        }

        var verification = await VerifyAsync();

        Assert.False(verification.Intact);
        Assert.Null(verification.FirstBadId);
        var lastStep = _db.Scalar("SELECT max(id) FROM ticket_history");
        Assert.Contains($"1 history step(s) have no audit row, the first ticket_history #{lastStep} (T-1:", verification.Problem);
    }

    [Fact]
    public async Task Verify_reports_an_acknowledgement_without_its_audit_row()
    {
        await using (var twin = await StartAsync())
        {
            await RecordCaseAndAlarmAsync(twin);
        }

        // A history row written without going through the store, as a crash between two separate writes left them.
        using (var connection = _db.OpenRaw())
        {
            Execute(connection, "INSERT INTO alarm_history (alarm_id, change, at, severity, actor, note) SELECT alarm_id, 'Acknowledged', at, severity, 'x', NULL FROM alarm_history LIMIT 1");
        }

        var verification = await VerifyAsync();

        Assert.False(verification.Intact);
        Assert.Contains("alarm_history #", verification.Problem);
    }

    [Fact]
    public async Task History_from_before_the_database_was_audited_is_not_held_to_it()
    {
        // Written by a store without the chain (an older version of the app).
        await using (var twin = await PipelineHarness.StartAsync(_db, Scenario.Clock()))
        {
            await twin.SubmitOkAsync(new ReportTicketCommand(Scenario.Ticket("T-OLD", twin.Clock.GetUtcNow())));
        }

        await using (var twin = await StartAsync())
        {
            await twin.SubmitOkAsync(new FileTicketCommand("T-OLD", "王值班"));
        }

        var verification = await VerifyAsync();
        Assert.True(verification.Intact, verification.Problem);
        Assert.Equal(1, _db.Scalar($"SELECT COUNT(*) FROM audit_log WHERE action = '{AuditActions.HistoryAuditedFrom}'"));
    }

    [Fact]
    public async Task A_removed_sensor_and_its_audit_row_are_written_together_or_not_at_all()
    {
        await using (var twin = await StartAsync())
        {
            await twin.SubmitOkAsync(new RegisterSensorCommand(Scenario.Sensor("N-1", SensorKind.Noise)));
            await twin.SubmitOkAsync(new RecordObservationCommand(new Observation("N-1", 60, twin.Clock.GetUtcNow())));

            // A fault at the audit row (a full disk, a crash would do the same): the removal goes with it.
            using (var connection = _db.OpenRaw())
            {
                Execute(connection, "CREATE TRIGGER fault_at_audit BEFORE INSERT ON audit_log WHEN NEW.action = 'sensor.remove' BEGIN SELECT RAISE(ABORT, 'injected fault'); END");
            }

            var fault = await Assert.ThrowsAnyAsync<Exception>(async () => await twin.Pipeline.SubmitAsync(new RemoveSensorCommand("N-1", "ingest:gateway")));
            Assert.Contains("injected fault", fault.Message, StringComparison.Ordinal);
            Assert.Equal(1, _db.Scalar("SELECT COUNT(*) FROM sensors WHERE id = 'N-1'"));
            Assert.Equal(1, _db.Scalar("SELECT COUNT(*) FROM observations WHERE sensor_id = 'N-1'"));
            Assert.Equal(0, _db.Scalar($"SELECT COUNT(*) FROM audit_log WHERE action = '{AuditActions.SensorRemoved}'"));
            Assert.Contains(twin.Pipeline.Current.Sensors, s => s.Definition.Id == "N-1");

            using (var connection = _db.OpenRaw())
            {
                Execute(connection, "DROP TRIGGER fault_at_audit");
            }

            await twin.SubmitOkAsync(new RemoveSensorCommand("N-1", "ingest:gateway"));
        }

        Assert.Equal(0, _db.Scalar("SELECT COUNT(*) FROM sensors WHERE id = 'N-1'"));
        Assert.Equal(0, _db.Scalar("SELECT COUNT(*) FROM observations WHERE sensor_id = 'N-1'"));
        var row = Assert.Single(Texts($"SELECT actor || ' ' || target || ' ' || detail FROM audit_log WHERE action = '{AuditActions.SensorRemoved}'"));
        Assert.StartsWith("ingest:gateway N-1 noise · ", row, StringComparison.Ordinal);
        var verification = await VerifyAsync();
        Assert.True(verification.Intact, verification.Problem);
    }

    private Task<PipelineHarness> StartAsync() => PipelineHarness.StartAsync(_db, Scenario.Clock(), audit: Chain);

    private static async Task RecordCaseAndAlarmAsync(PipelineHarness twin)
    {
        await twin.SubmitOkAsync(new ReportTicketCommand(Scenario.Ticket("T-1", twin.Clock.GetUtcNow())));
        await twin.SubmitOkAsync(new FileTicketCommand("T-1", "王值班", "现场核实"));
        await twin.SubmitOkAsync(new DispatchTicketCommand("T-1", "王值班"));
        await twin.SubmitOkAsync(new RegisterSensorCommand(Scenario.Sensor("N-1", SensorKind.Noise)));
        await twin.SubmitOkAsync(new RecordObservationCommand(new Observation("N-1", 95, twin.Clock.GetUtcNow())));
        var alarm = Assert.Single(twin.Pipeline.Current.ActiveAlarms);
        await twin.SubmitOkAsync(new AcknowledgeAlarmCommand(alarm.Id, "值班长", "现场核实"));
    }

    private async Task<AuditVerification> VerifyAsync()
    {
        await using var store = _db.CreateStore();
        return await new AuditLog(store, Chain).VerifyAsync([]);
    }

    private List<string> Texts(string sql)
    {
        using var connection = _db.OpenRaw();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var texts = new List<string>();
        while (reader.Read())
        {
            texts.Add(reader.GetString(0));
        }

        return texts;
    }

    private static void Execute(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
