using Twin.Domain.Dispatch;
using Twin.Domain.Sensors;
using Twin.Domain.Tickets;

namespace Twin.Domain.Tests.Simulation;

[Collection(SimulationCollection.Name)]
public sealed class SimulatedDayTests(SimulatedDay day) : IClassFixture<SimulatedDay>
{
    [Fact]
    public void The_engine_refuses_no_command()
    {
        Assert.True(day.Refusals.Count == 0, $"{day.Refusals.Count} refused, e.g.:\n{string.Join("\n", day.Refusals.Take(10))}");
    }

    [Fact]
    public void Every_sensor_reports_and_every_kind_is_present()
    {
        var perception = day.Engine.Snapshot().VitalSigns.Perception;
        Assert.Equal(Enum.GetValues<SensorKind>().ToHashSet(), perception.Kinds.Select(k => k.Kind).ToHashSet());
        Assert.All(day.Engine.Snapshot().Sensors, s => Assert.NotNull(s.LastObservedAt));
        Assert.True(day.Observations > 1_500_000, $"{day.Observations} observations");
    }

    [Fact]
    public void The_ticket_count_is_within_20_percent_of_tickets_per_day()
    {
        Assert.InRange(day.Reports.Count, day.Options.TicketsPerDay * 0.8, day.Options.TicketsPerDay * 1.2);
        Assert.Equal(day.Reports.Count, day.Reports.Select(r => r.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.All(day.Reports, r => Assert.Matches(@"^T-20261130-\d{6}$", r.Id));
    }

    [Fact]
    public void Tickets_are_quiet_at_night_and_busy_mid_morning()
    {
        var perHour = new int[24];
        foreach (var report in day.Reports)
        {
            perHour[SimulatedDay.ShanghaiHour(report.ReportedAt)]++;
        }

        var night = (perHour[3] + perHour[4]) / 2.0;
        Assert.True(perHour[10] >= 3 * Math.Max(night, 1), $"10–11 h: {perHour[10]}, 3–5 h: {night}/h");
    }

    [Fact]
    public void Channels_mix_with_the_12345_hotline_the_largest()
    {
        var byChannel = day.Reports.GroupBy(r => r.Channel).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(byChannel.Values.Max(), byChannel[TicketChannel.Hotline12345]);
        Assert.All(Enum.GetValues<TicketChannel>().Where(c => !c.IsDesk()), c => Assert.True(byChannel.GetValueOrDefault(c) > 0, $"no {c} ticket"));
        Assert.DoesNotContain(byChannel.Keys, c => c.IsDesk());
    }

    [Fact]
    public void Smart_cases_take_their_category_from_the_sensor_kind()
    {
        var sensorCategories = SimulationWorld.Catalogue.Categories.Where(c => c.SensorKind is not null).Select(c => c.Code).ToHashSet();
        var smart = day.Reports.Where(r => r.Channel == TicketChannel.SmartCase).ToList();
        Assert.NotEmpty(smart);
        Assert.All(smart, r => Assert.Contains(r.CategoryCode, sensorCategories));
    }

    [Fact]
    public void Creek_tickets_lie_within_200_m_of_the_creek()
    {
        var creek = day.Reports.Where(r => SimulationWorld.Catalogue.Find(r.CategoryCode)!.CreekRelated).ToList();
        Assert.NotEmpty(creek);
        Assert.All(creek, r => Assert.True(SimulationWorld.Map.DistanceToCreekMetres(r.Location) <= 200, $"{r.Id} is {SimulationWorld.Map.DistanceToCreekMetres(r.Location):0} m from the creek"));
    }

    [Fact]
    public void Tickets_read_like_putuo_tickets()
    {
        var map = SimulationWorld.Map;
        Assert.All(day.Reports, r =>
        {
            Assert.StartsWith("普陀区", r.Address, StringComparison.Ordinal);
            var subDistrict = map.SubDistrictFor(r.Location);
            Assert.Contains(subDistrict.Name, r.Address, StringComparison.Ordinal);
            Assert.NotNull(r.NeighbourhoodCode);
            Assert.Equal(subDistrict.Code, map.FindNeighbourhood(r.NeighbourhoodCode!)!.SubDistrictCode);
            if (r.Reporter.Phone is { } phone)
            {
                Assert.Matches("^1[358][0-9]{9}$", phone);
            }
        });

        Assert.NotEmpty(day.AfternoonSigns!.Voice.HotWords);
        Assert.NotEmpty(day.AfternoonSigns.Voice.TopCategories);
    }

    [Fact]
    public void Tickets_move_through_the_loop_and_some_are_evaluated()
    {
        foreach (var status in new[] { TicketStatus.Filed, TicketStatus.Dispatched, TicketStatus.Handling, TicketStatus.Review, TicketStatus.Closed, TicketStatus.Evaluated })
        {
            Assert.True(day.StatusChanges.GetValueOrDefault(status) > 0, $"no ticket reached {status}");
        }

        var pulse = day.AfternoonSigns!.Pulse;
        Assert.True(pulse.ClosedToday > 0, "nothing closed by 16:00");
        Assert.True(pulse.Backlog > 0);
    }

    [Fact]
    public void Simulated_staff_send_back_dispatch_again_and_citizens_judge_some_cases_badly_all_marked_as_simulated()
    {
        var actions = day.LoopActions.GroupBy(a => a.Action).ToDictionary(g => g.Key, g => g.Count());
        Assert.True(actions.GetValueOrDefault(DispatchAction.Refuse) > 0, "no 退单 in a day");

        // A case sent back late in the day may be dispatched again after midnight.
        var refused = day.LoopActions.OfType<RefuseDispatchCommand>().Select(a => a.TicketId).ToHashSet();
        Assert.All(day.LoopActions.OfType<DispatchTicketCommand>(), a => Assert.Contains(a.TicketId, refused));
        Assert.InRange(actions.GetValueOrDefault(DispatchAction.Dispatch), refused.Count / 2, refused.Count);
        var verdicts = day.LoopActions.OfType<EvaluateTicketCommand>().ToList();
        Assert.Contains(verdicts, v => !v.Satisfied);
        var dissatisfied = verdicts.Count(v => !v.Satisfied) / (double)verdicts.Count;
        Assert.InRange(dissatisfied, 0.02, 0.2);
        Assert.All(day.LoopActions, a => Assert.True(a.BySimulatedStaff, $"{a.Action} on {a.TicketId} not marked as simulated staff"));
    }

    [Fact]
    public void Sensor_alarms_are_raised_and_cleared()
    {
        Assert.NotEmpty(day.SensorAlarmsRaised);
        Assert.NotEmpty(day.SensorAlarmsCleared);
        Assert.True(day.SensorAlarmsCleared.Count >= day.SensorAlarmsRaised.Count / 2,
            $"{day.SensorAlarmsRaised.Count} raised, {day.SensorAlarmsCleared.Count} cleared");
    }

    [Fact]
    public void Thrown_object_detections_are_raised_and_acknowledged()
    {
        Assert.InRange(day.AiEvents, day.Options.AiEventsPerDay / 2, day.Options.AiEventsPerDay * 2);
        Assert.True(day.AiAlarmsCleared.Count >= day.AiEvents - 5, $"{day.AiEvents} raised, {day.AiAlarmsCleared.Count} acknowledged");
        Assert.True(day.Acknowledgements > day.AiEvents);
    }

    [Fact]
    public void Some_sensors_go_stale_offline_or_low_on_battery()
    {
        Assert.NotEmpty(day.SensorsStale);
        Assert.NotEmpty(day.SensorsOffline);
        Assert.NotEmpty(day.SensorsLowBattery);
    }
}
