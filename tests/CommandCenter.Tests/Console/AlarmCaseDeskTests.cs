using Bunit;
using CommandCenter.Components.Console;
using CommandCenter.Security;
using CommandCenter.Tests.Support;
using MudBlazor;
using Twin.Domain.Alarms;
using Twin.Domain.Engine;
using Twin.Domain.Geography;
using Twin.Domain.Sensors;
using Twin.Domain.Tickets;

namespace CommandCenter.Tests.Console;

/// <summary>The alarm desk's 立案 and 指派, rendered by bUnit against the real twin with the simulator off.</summary>
public sealed class AlarmCaseDeskTests : QuietTwinTests
{
    [Fact]
    public async Task One_click_files_a_smoke_alarm_as_a_fire_case_which_opens_and_the_alarm_links_to_it()
    {
        var alarmId = await RaiseSmokeAlarmAsync();
        await using var ctx = ConsoleContext.Create(App.Services);
        var console = ctx.Render<ConsolePage>();
        console.WaitForAssertion(() => Assert.NotNull(console.Find($"[data-file-case='{alarmId}']")));

        await console.InvokeAsync(() => console.Find($"[data-file-case='{alarmId}']").Click());

        var caseId = TwinEngine.CaseIdFor(alarmId);
        console.WaitForAssertion(() =>
        {
            Assert.Equal(caseId, console.Find($"[data-alarm='{alarmId}'] [data-alarm-case]").GetAttribute("data-alarm-case"));
            Assert.Equal(nameof(TicketStatus.Filed), console.Find($"[data-ticket-view='{caseId}']").GetAttribute("data-status"));
        }, TimeSpan.FromSeconds(10));
        Assert.Empty(console.FindAll($"[data-file-case='{alarmId}']"));
        // The case is opened, and so claimed, as the page shows it: the claim's command may still be committing.
        await Eventually.Until(() => Runtime.Queries.Current.Tickets.Single(t => t.Id == caseId).ClaimedBy == "test-officer", "the officer who filed the case holds it");
        var ticket = Runtime.Queries.Current.Tickets.Single(t => t.Id == caseId);
        Assert.Equal(("smoke-fire", alarmId), (ticket.CategoryCode, ticket.SourceAlarmId));
        Assert.Equal("test-officer", Runtime.Queries.Current.ActiveAlarms.Single(a => a.Id == alarmId).ClaimedBy);
    }

    [Fact]
    public async Task An_alarm_assigned_to_a_department_shows_its_name_and_is_stored_with_who_assigned_it()
    {
        var alarmId = await RaiseSmokeAlarmAsync();
        await using var ctx = ConsoleContext.Create(App.Services);
        var console = ctx.Render<ConsolePage>();
        console.WaitForAssertion(() => Assert.NotNull(console.Find($"[data-assign='{alarmId}']")));

        await console.InvokeAsync(() => console.Find($"[data-assign='{alarmId}']").Click());
        Assert.True(console.Find("[data-assign-confirm]").HasAttribute("disabled"), "assigning needs a choice");
        var picker = console.FindComponents<MudSelect<string>>().Single(s => s.Instance.Label == AlarmCaseText.AssignTo);
        await console.InvokeAsync(() => picker.Instance.ValueChanged.InvokeAsync("区消防救援支队"));
        await console.InvokeAsync(() => console.Find("[data-assign-confirm]").Click());

        console.WaitForAssertion(() => Assert.Contains("已指派：区消防救援支队", console.Find($"[data-alarm='{alarmId}'] [data-assigned]").TextContent), TimeSpan.FromSeconds(10));
        var alarm = Runtime.Queries.Current.ActiveAlarms.Single(a => a.Id == alarmId);
        Assert.Equal(("区消防救援支队", AlarmAssigneeKind.Department), (alarm.AssignedTo, alarm.AssigneeKind));
        var history = await Runtime.Store.GetAlarmHistoryAsync(alarmId);
        Assert.Equal((AlarmChange.Assigned, "test-officer", "指派给区消防救援支队"), (history[^1].Change, history[^1].Actor, history[^1].Note));
    }

    [Fact]
    public async Task A_leader_sees_the_alarm_but_neither_files_nor_assigns_it()
    {
        var alarmId = await RaiseSmokeAlarmAsync();
        await using var ctx = ConsoleContext.Create(App.Services, Roles.Leader);
        var console = ctx.Render<ConsolePage>();
        console.WaitForAssertion(() => Assert.NotNull(console.Find($"[data-alarm='{alarmId}']")));

        Assert.Empty(console.FindAll("[data-file-case]"));
        Assert.Empty(console.FindAll("[data-assign]"));
    }

    private async Task<string> RaiseSmokeAlarmAsync()
    {
        var point = Runtime.District.SubDistricts[3].Boundary.InteriorPoint;
        var sensor = new SensorDefinition("DESK-SMOKE", SensorKind.Smoke, "测试烟感", new GeoPoint(point.X, point.Y), "unit", new Thresholds(50, 80, 5), TimeSpan.FromMinutes(1));
        Assert.True((await Runtime.Commands.SubmitAsync(new RegisterSensorCommand(sensor))).Accepted);
        Assert.True((await Runtime.Commands.SubmitAsync(new RecordObservationCommand(new Observation(sensor.Id, 95, Runtime.Clock.GetUtcNow())))).Accepted);
        return Runtime.Queries.Current.ActiveAlarms.Single(a => a.SourceId == sensor.Id).Id;
    }
}
