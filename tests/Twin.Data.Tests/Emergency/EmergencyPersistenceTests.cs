using Twin.Data.Tests.Support;
using Twin.Domain.Emergency;
using Twin.Domain.Engine;
using Twin.Domain.Sensors;

namespace Twin.Data.Tests.Emergency;

/// <summary>The mode, the checklist and the supplies survive a restart; the after-action report reads them back.</summary>
public sealed class EmergencyPersistenceTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task A_restart_keeps_the_mode_the_checklist_the_open_proposals_and_the_stock()
    {
        var clock = Scenario.Clock();
        var depot = TestDistrict.Emergency.Assets.Depots[0];
        OperatingMode mode;
        await using (var twin = await PipelineHarness.StartAsync(_db, clock))
        {
            await twin.SubmitOkAsync(new ProposeModeCommand("cap", "cma,TY-1", EmergencyType.FloodTyphoon, ResponseLevel.III, "台风黄色预警"));
            await twin.SubmitOkAsync(new ConfirmProposalCommand(twin.Pipeline.Current.Proposals.Single().Id, "李督办", OfficerRole.Supervisor));
            clock.Advance(TimeSpan.FromMinutes(10));
            await twin.SubmitOkAsync(new CompleteChecklistStepCommand("notify-duty", "王值班", "已到岗"));
            await twin.SubmitOkAsync(new MoveStockCommand(depot.Id, "沙袋", StockMovementKind.Draw, 300, "王值班", "送往易积水点"));
            await twin.SubmitOkAsync(new ProposeModeCommand("sensor", "S-WL-0001", EmergencyType.FloodTyphoon, ResponseLevel.II, "水位超警"));
            await twin.StopAsync();
            mode = twin.Engine.Mode;
        }

        // Later than every step's time limit: the restored clock must raise supervision from the stored due times.
        clock.Advance(TimeSpan.FromHours(3));
        await using var restarted = await PipelineHarness.StartAsync(_db, clock);
        await restarted.SubmitOkAsync(new TickCommand());
        var snapshot = restarted.Pipeline.Current;

        Assert.Equal(mode, snapshot.Mode);
        Assert.Equal(ResponseLevel.III, snapshot.Mode.Level);
        var ticked = snapshot.Checklist.Single(s => s.StepId == "notify-duty");
        Assert.Equal((ChecklistStepStatus.Done, "王值班", "已到岗"), (ticked.Status, ticked.DoneBy, ticked.Note));
        Assert.All(snapshot.Checklist.Where(s => s.Status == ChecklistStepStatus.Pending), s => Assert.True(s.SupervisionLevel >= 1));
        Assert.Equal(ResponseLevel.II, Assert.Single(snapshot.Proposals).Level);
        Assert.Equal(depot.InitialStock["沙袋"] - 300, snapshot.Stock.Single(s => s.DepotId == depot.Id && s.Item == "沙袋").Quantity);

        // A new proposal after the restart does not reuse an id.
        await restarted.SubmitOkAsync(new DismissProposalCommand(snapshot.Proposals.Single().Id, "李督办", OfficerRole.Supervisor, "已处置"));
        await restarted.SubmitOkAsync(new ProposeModeCommand("sensor", "S-WL-0002", EmergencyType.FloodTyphoon, ResponseLevel.I, "水位超保证"));
        Assert.NotEqual(snapshot.Proposals.Single().Id, restarted.Pipeline.Current.Proposals.Single().Id);
    }

    [Fact]
    public async Task A_restart_keeps_each_rain_gauges_24_hour_total()
    {
        var clock = Scenario.Clock();
        double before;
        await using (var twin = await PipelineHarness.StartAsync(_db, clock))
        {
            await twin.SubmitOkAsync(new RegisterSensorCommand(Scenario.Sensor("RG-1", SensorKind.RainGauge)));
            for (var i = 0; i < 12; i++)
            {
                await twin.SubmitOkAsync(new RecordObservationCommand(new Observation("RG-1", 12 + i, clock.GetUtcNow())));
                clock.Advance(TimeSpan.FromMinutes(10));
            }

            await twin.StopAsync();
            before = twin.Engine.Snapshot().Rainfall.Single().Last24HoursMm;
        }

        await using var restarted = await PipelineHarness.StartAsync(_db, clock);
        Assert.True(before > 0);
        Assert.Equal(before, restarted.Engine.Snapshot().Rainfall.Single().Last24HoursMm);
    }

    [Fact]
    public async Task The_after_action_report_holds_the_timeline_steps_tickets_and_movements_of_the_incident_only()
    {
        var clock = Scenario.Clock();
        var depot = TestDistrict.Emergency.Assets.Depots[0];
        await using var twin = await PipelineHarness.StartAsync(_db, clock);
        await twin.SubmitOkAsync(new ReportTicketCommand(Scenario.Ticket("T-BEFORE", clock.GetUtcNow())));
        clock.Advance(TimeSpan.FromMinutes(5));
        await twin.SubmitOkAsync(new StartEmergencyCommand(EmergencyType.FloodTyphoon, ResponseLevel.IV, "李督办", OfficerRole.Supervisor, "暴雨蓝色预警"));
        var incident = twin.Pipeline.Current.Mode.IncidentId!;
        clock.Advance(TimeSpan.FromMinutes(5));
        await twin.SubmitOkAsync(new ReportTicketCommand(Scenario.Ticket("T-DURING", clock.GetUtcNow())));
        await twin.SubmitOkAsync(new CompleteChecklistStepCommand("notify-duty", "王值班", "已到岗"));
        await twin.SubmitOkAsync(new MoveStockCommand(depot.Id, "水泵", StockMovementKind.Draw, 2, "王值班", "下立交排水"));
        clock.Advance(TimeSpan.FromMinutes(20));
        await twin.SubmitOkAsync(new ChangeResponseLevelCommand(ResponseLevel.III, "赵领导", OfficerRole.Leader, "雨势加大"));
        clock.Advance(TimeSpan.FromHours(2));
        await twin.SubmitOkAsync(new TickCommand());
        await twin.SubmitOkAsync(new EndEmergencyCommand("赵领导", OfficerRole.Leader, "雨停"));
        clock.Advance(TimeSpan.FromMinutes(5));
        await twin.SubmitOkAsync(new ReportTicketCommand(Scenario.Ticket("T-AFTER", clock.GetUtcNow())));

        var report = await twin.Store.GetAfterActionReportAsync(incident, clock.GetUtcNow());

        Assert.NotNull(report);
        Assert.Equal([ModeChangeKind.Started, ModeChangeKind.Raised, ModeChangeKind.Ended], report.Timeline.Select(c => c.Kind));
        Assert.Equal(ResponseLevel.III, report.HighestLevel);
        Assert.Equal(report.Timeline[^1].At, report.EndedAt);
        Assert.Equal(["T-DURING"], report.Tickets.Select(t => t.Id));
        Assert.DoesNotContain("张三丰", report.Tickets.Single().ReporterMasked);
        Assert.Contains(report.Steps, s => s is { StepId: "notify-duty", Status: ChecklistStepStatus.Done });
        Assert.Contains(report.Steps, s => s.Status == ChecklistStepStatus.Withdrawn);
        Assert.Contains(report.StepHistory, h => h.Change == ChecklistChange.Supervised && h.Actor == "系统督办");
        Assert.Equal(("水泵", 2), (report.StockMovements.Single().Item, report.StockMovements.Single().Quantity));
        Assert.Null(await twin.Store.GetAfterActionReportAsync("EM-none", clock.GetUtcNow()));
        Assert.Equal(incident, Assert.Single(await twin.Store.ListIncidentsAsync()).IncidentId);
    }
}
