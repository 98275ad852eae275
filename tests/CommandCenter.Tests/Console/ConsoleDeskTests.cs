using System.Globalization;
using Bunit;
using CommandCenter.Components.Console;
using CommandCenter.Components.Wall;
using CommandCenter.Configuration;
using CommandCenter.Map;
using CommandCenter.Security;
using CommandCenter.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Twin.Domain.Engine;
using Twin.Domain.Geography;
using Twin.Domain.Sensors;
using Twin.Domain.Tickets;

namespace CommandCenter.Tests.Console;

/// <summary>
/// The console's queue, relations, alarms and keyboard, rendered by bUnit against the real twin
/// with the simulator off, so every ticket and alarm on the desk is one the test made.
/// </summary>
public sealed class ConsoleDeskTests : QuietTwinTests
{
    private const string NoiseTitle = "工地夜间施工噪声扰民";
    private const string NoiseText = "晚上十点后工地还在施工，噪声很大";

    [Fact]
    public async Task The_queue_filters_by_text_and_channel_and_a_new_report_appears_without_reload()
    {
        var here = Place(0);
        await ReportAsync("Q-HOTLINE", TicketChannel.Hotline12345, "street-vending", here, "人行道流动摊位", "早高峰人行道上有流动摊位占道经营");
        await ReportAsync("Q-PATROL", TicketChannel.GridPatrol, "street-light", Place(1), "路灯不亮", "小区门口路灯晚上不亮");
        await using var ctx = NewContext();
        var console = ctx.Render<ConsolePage>();
        console.WaitForAssertion(() => Assert.Equal(2, Count(console, "[data-queue]")));

        await SetFilterAsync(console, f => f with { Text = "摊位" });
        console.WaitForAssertion(() => Assert.Equal(["Q-HOTLINE"], console.FindAll("[data-ticket]").Select(r => r.GetAttribute("data-ticket"))));

        await SetFilterAsync(console, f => f with { Text = string.Empty, Channel = nameof(TicketChannel.GridPatrol) });
        console.WaitForAssertion(() => Assert.Equal(["Q-PATROL"], console.FindAll("[data-ticket]").Select(r => r.GetAttribute("data-ticket"))));

        // A report from outside arrives while the officer watches the grid-patrol queue.
        await ReportAsync("Q-LIVE", TicketChannel.GridPatrol, "garbage-sorting", Place(2), "垃圾未分类", "垃圾箱房混投严重，无人值守");
        console.WaitForAssertion(
            () => Assert.Equal(["Q-LIVE", "Q-PATROL"], console.FindAll("[data-ticket]").Select(r => r.GetAttribute("data-ticket"))),
            TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task The_u_key_opens_the_most_urgent_ticket_whatever_was_reported_last()
    {
        var urgent = new TicketReport("P-URGENT", TicketChannel.Hotline12345, "street-vending", "人行道流动摊位", "早高峰人行道上有流动摊位占道经营", Place(0), "测试地址", null,
            new Reporter("李四", "13800001111"), Runtime.Clock.GetUtcNow(), TicketPriority.Urgent);
        Assert.True((await Runtime.Commands.SubmitAsync(new ReportTicketCommand(urgent))).Accepted);
        await ReportAsync("P-LOW", TicketChannel.GridPatrol, "street-light", Place(2), "路灯不亮", "小区门口路灯晚上不亮");

        await using var ctx = NewContext();
        var console = ctx.Render<ConsolePage>();
        console.WaitForAssertion(() => Assert.Equal(["P-URGENT", "P-LOW"], console.FindAll("[data-ticket]").Select(r => r.GetAttribute("data-ticket"))));

        await console.InvokeAsync(() => console.FindComponent<ConsoleKeyboard>().Instance.OnShortcut("u"));

        console.WaitForAssertion(() => Assert.Equal("P-URGENT", console.Find("[data-ticket-view]").GetAttribute("data-ticket-view")));
        Assert.Equal(nameof(TicketPriority.Urgent), console.Find("[data-priority-cell='P-URGENT']").GetAttribute("data-priority"));
    }

    [Fact]
    public async Task Candidates_and_merged_reports_are_explained_in_words_in_the_queue_and_the_ticket_view()
    {
        var here = Place(0);
        await ReportAsync("D-CASE", TicketChannel.Hotline12345, "noise", here, NoiseTitle, NoiseText);
        // Illegal construction is related to noise: offered, never merged by itself.
        await ReportAsync("D-OFFER", TicketChannel.CitizenApp, "illegal-construction", North(here, 40), NoiseTitle, NoiseText);
        // The same problem 60 m away from the same category: merged into the case.
        await ReportAsync("D-MERGED", TicketChannel.GridPatrol, "noise", North(here, 60), NoiseTitle, NoiseText);
        await using var ctx = NewContext();
        var console = ctx.Render<ConsolePage>();
        console.WaitForAssertion(() => Assert.Equal(2, Count(console, "[data-queue]")));
        await SetFilterAsync(console, f => f with { Status = string.Empty });

        console.WaitForAssertion(() =>
        {
            var offered = console.Find("[data-queue] [data-explanation='D-OFFER']").TextContent;
            Assert.Contains("D-OFFER疑似D-CASE的重复报告", offered);
            Assert.Contains("相关事项", offered);
            Assert.Matches("相距(39|40|41)米", offered);
            Assert.Contains("文本相似度1.00", offered);
            var merged = console.Find("[data-queue] [data-explanation='D-MERGED']").TextContent;
            Assert.Contains("D-MERGED并入D-CASE", merged);
            Assert.Contains("同类事项（噪声扰民）", merged);
        });
        Assert.Empty(console.FindAll("[data-queue] [data-explanation='D-CASE']"));

        await SelectAsync(console, "D-CASE");
        console.WaitForAssertion(() =>
        {
            Assert.Equal("MergedReport", console.Find("[data-related-ticket='D-MERGED']").GetAttribute("data-relation"));
            Assert.Equal("Candidate", console.Find("[data-related-ticket='D-OFFER']").GetAttribute("data-relation"));
            Assert.Equal("D-CASE", console.Find("[data-ticket-map]").GetAttribute("data-ticket-map"));
        });
        var map = ctx.JSInterop.VerifyInvoke("show");
        Assert.Equal(["D-CASE"], map.Arguments.OfType<object>().Skip(1).Take(1).Select(t => t.GetType().GetProperty("id")!.GetValue(t)));

        // The officer accepts the offer from the candidate's own view; its explanation then reads as a merge.
        await SelectAsync(console, "D-OFFER");
        console.WaitForAssertion(() => Assert.Equal("D-CASE", console.Find("[data-input='merge'] input").GetAttribute("value")));
        await console.InvokeAsync(() => console.Find("[data-action='Merge']").Click());
        console.WaitForAssertion(() => Assert.Contains("D-OFFER并入D-CASE", console.Find("[data-queue] [data-explanation='D-OFFER']").TextContent));
    }

    [Fact]
    public async Task A_leader_sees_tickets_and_alarms_but_is_offered_no_action_and_no_acknowledgement()
    {
        var alarmId = await RaiseSmokeAlarmAsync();
        await ReportAsync("L-CASE", TicketChannel.Hotline12345, "street-vending", Place(0), "人行道流动摊位", "早高峰人行道上有流动摊位占道经营");
        await using var ctx = ConsoleContext.Create(App.Services, Roles.Leader);
        var console = ctx.Render<ConsolePage>();
        console.WaitForAssertion(() => Assert.NotNull(console.Find($"[data-alarm='{alarmId}']")));

        await SelectAsync(console, "L-CASE");

        console.WaitForAssertion(() => Assert.Contains("只读", console.Find("[data-actions-read-only]").TextContent));
        Assert.Empty(console.FindAll("[data-actions]"));
        Assert.Empty(console.FindAll("[data-ack]"));
        Assert.Equal("False", console.Find($"[data-alarm='{alarmId}']").GetAttribute("data-acknowledged"));
    }

    [Fact]
    public async Task An_alarm_is_acknowledged_only_with_a_note_which_reaches_the_engine_the_store_and_the_wall()
    {
        var alarmId = await RaiseSmokeAlarmAsync();
        await using var ctx = NewContext();
        ctx.Services.AddSingleton(App.Services.GetRequiredService<IOptions<TwinOptions>>());
        ctx.Services.AddSingleton(TimeProvider.System);
        ctx.Services.AddSingleton(App.Services.GetRequiredService<CameraLayer>());
        ctx.Services.AddSingleton(App.Services.GetRequiredService<Twin.Domain.Organisations.AreaVitalSigns>());
        ctx.Services.AddSingleton(App.Services.GetRequiredService<WallOrganisationChanges>());
        var wall = ctx.Render<WallPage>();
        wall.WaitForAssertion(() => Assert.Equal("1", wall.Find("[data-indicator='unacknowledged'] .number").TextContent), TimeSpan.FromSeconds(10));
        var console = ctx.Render<ConsolePage>();
        console.WaitForAssertion(() =>
        {
            Assert.Equal("1", console.Find("[data-figure='unacknowledged'] b").TextContent);
            Assert.Equal("False", console.Find($"[data-alarm='{alarmId}']").GetAttribute("data-acknowledged"));
        });
        var row = console.Find($"[data-alarm='{alarmId}']");
        Assert.Contains("紧急", row.TextContent);
        Assert.Contains("传感器", row.TextContent);

        await console.InvokeAsync(() => console.Find($"[data-ack='{alarmId}']").Click());
        Assert.True(console.Find("[data-ack-confirm]").HasAttribute("disabled"), "acknowledging needs a note");
        await console.InvokeAsync(() => console.Find("[data-input='ack-note'] input").Input("已电话通知物业到场核查"));
        await console.InvokeAsync(() => console.Find("[data-ack-confirm]").Click());

        console.WaitForAssertion(() =>
        {
            Assert.Equal("True", console.Find($"[data-alarm='{alarmId}']").GetAttribute("data-acknowledged"));
            Assert.Contains("test-officer · 已电话通知物业到场核查", console.Find($"[data-alarm='{alarmId}'] [data-acknowledgement]").TextContent);
            Assert.Equal("0", console.Find("[data-figure='unacknowledged'] b").TextContent);
        }, TimeSpan.FromSeconds(10));
        wall.WaitForAssertion(() => Assert.Equal("0", wall.Find("[data-indicator='unacknowledged'] .number").TextContent), TimeSpan.FromSeconds(10));
        var engineSide = Runtime.Queries.Current;

        // Opening the alarm to acknowledge it took it over first: simulated staff could not acknowledge it meanwhile.
        Assert.Equal("test-officer", engineSide.ActiveAlarms.Single(a => a.Id == alarmId).ClaimedBy);
        Assert.Equal(0, engineSide.VitalSigns.Alerts.Unacknowledged);
        Assert.Equal("已电话通知物业到场核查", engineSide.ActiveAlarms.Single(a => a.Id == alarmId).AcknowledgementNote);
        var history = await Runtime.Store.GetAlarmHistoryAsync(alarmId);
        Assert.Equal(("test-officer", "已电话通知物业到场核查"), (history[^1].Actor, history[^1].Note));
    }

    [Fact]
    public async Task Until_the_shortcut_listener_is_registered_the_desk_says_it_is_connecting_and_offers_no_action()
    {
        await ReportAsync("R-ONE", TicketChannel.Hotline12345, "street-light", Place(1), "路灯不亮", "小区门口路灯晚上不亮");
        await using var ctx = NewContext();
        var keysModule = ctx.JSInterop.SetupModule("./assets/js/consolekeys.js");
        var registering = keysModule.SetupVoid("register", _ => true);
        var console = ctx.Render<ConsolePage>();
        console.WaitForAssertion(() => Assert.Equal(1, Count(console, "[data-queue]")));
        await console.InvokeAsync(() => console.FindComponent<TicketQueue>().Instance.Selected.InvokeAsync("R-ONE"));
        console.WaitForAssertion(() => Assert.NotEmpty(console.FindAll("[data-action='File']")));

        Assert.Equal("连接中…", console.Find("[data-not-ready]").TextContent);
        Assert.True(console.Find("[data-action='File']").HasAttribute("disabled"), "an action is offered before the desk is ready");

        registering.SetVoidResult();

        console.WaitForAssertion(() => Assert.Empty(console.FindAll("[data-not-ready]")));
        Assert.False(console.Find("[data-action='File']").HasAttribute("disabled"), "the desk is ready but its action stays disabled");
    }

    [Fact]
    public async Task Shortcuts_move_through_the_queue_file_and_dispatch_and_a_reason_is_asked_for_before_closing()
    {
        await ReportAsync("K-OLD", TicketChannel.Hotline12345, "street-light", Place(1), "路灯不亮", "小区门口路灯晚上不亮");
        await ReportAsync("K-NEW", TicketChannel.GridPatrol, "street-vending", Place(0), "人行道流动摊位", "早高峰人行道上有流动摊位占道经营");
        await using var ctx = NewContext();
        var keysModule = ctx.JSInterop.SetupModule("./assets/js/consolekeys.js");
        keysModule.Mode = JSRuntimeMode.Loose;
        var console = ctx.Render<ConsolePage>();
        console.WaitForAssertion(() => Assert.Equal(2, Count(console, "[data-queue]")));
        var register = keysModule.VerifyInvoke("register");
        Assert.Contains("?", Assert.IsAssignableFrom<IEnumerable<string>>(register.Arguments[1]));
        var keyboard = console.FindComponent<ConsoleKeyboard>();

        // The queue is most urgent first (vending is 一般, a street light 低): J opens K-NEW, J again K-OLD.
        await console.InvokeAsync(() => keyboard.Instance.OnShortcut("j"));
        console.WaitForAssertion(() => Assert.Equal("K-NEW", console.Find("[data-ticket-view]").GetAttribute("data-ticket-view")));
        await console.InvokeAsync(() => keyboard.Instance.OnShortcut("j"));
        console.WaitForAssertion(() => Assert.Equal("K-OLD", console.Find("[data-ticket-view]").GetAttribute("data-ticket-view")));

        await console.InvokeAsync(() => keyboard.Instance.OnShortcut("f"));
        console.WaitForAssertion(() => Assert.Equal(nameof(TicketStatus.Filed), console.Find("[data-ticket-view]").GetAttribute("data-status")), TimeSpan.FromSeconds(10));
        await console.InvokeAsync(() => keyboard.Instance.OnShortcut("d"));
        console.WaitForAssertion(() => Assert.Equal(nameof(TicketStatus.Dispatched), console.Find("[data-ticket-view]").GetAttribute("data-status")), TimeSpan.FromSeconds(10));

        // Approve is not legal for a dispatched ticket: nothing happens but a hint.
        await console.InvokeAsync(() => keyboard.Instance.OnShortcut("a"));
        console.WaitForAssertion(() => Assert.Contains("不能审核通过", console.Find("[data-hint]").TextContent));
        Assert.Equal(nameof(TicketStatus.Dispatched), Runtime.Queries.Current.Tickets.Single(t => t.Id == "K-OLD").Status.ToString());

        // K-NEW is discovered: C (close) needs a reason, which the shortcut asks for instead of closing.
        await console.InvokeAsync(() => keyboard.Instance.OnShortcut("k"));
        console.WaitForAssertion(() => Assert.Equal("K-NEW", console.Find("[data-ticket-view]").GetAttribute("data-ticket-view")));
        await console.InvokeAsync(() => keyboard.Instance.OnShortcut("c"));
        console.WaitForAssertion(() => Assert.Contains("请填写原因", console.Find("[data-hint]").TextContent));
        Assert.Equal(TicketStatus.Discovered, Runtime.Queries.Current.Tickets.Single(t => t.Id == "K-NEW").Status);

        await console.InvokeAsync(() => keyboard.Instance.OnShortcut("?"));
        console.WaitForAssertion(() => Assert.Contains("键盘快捷键", console.Find("[data-shortcut-help]").TextContent));
        await console.InvokeAsync(() => keyboard.Instance.OnShortcut("Escape"));
        console.WaitForAssertion(() => Assert.Empty(console.FindAll("[data-shortcut-help]")));

        await ctx.DisposeComponentsAsync();
        keysModule.VerifyInvoke("unregister");
    }

    [Fact]
    public async Task G_opens_the_most_severe_alarms_note_and_T_and_O_refuse_and_reopen_only_when_legal_and_with_a_reason()
    {
        var alarmId = await RaiseSmokeAlarmAsync();
        await ReportAsync("R-1", TicketChannel.GridPatrol, "street-vending", Place(0), "人行道流动摊位", "早高峰人行道上有流动摊位占道经营");

        // 重新处置 is a supervisor's: the centre's supervisor works this desk.
        await using var ctx = ConsoleContext.Create(App.Services, Roles.Supervisor);
        var console = ctx.Render<ConsolePage>();
        console.WaitForAssertion(() => Assert.NotNull(console.Find($"[data-alarm='{alarmId}']")));

        await PressAsync(console, "g");
        console.WaitForAssertion(() => Assert.NotNull(console.Find($"[data-alarm='{alarmId}'] [data-ack-form]")));
        Assert.Equal("test-supervisor", Runtime.Queries.Current.ActiveAlarms.Single(a => a.Id == alarmId).ClaimedBy);

        await SelectAsync(console, "R-1");
        await PressAsync(console, "t");
        console.WaitForAssertion(() => Assert.Contains("发现状态不能退单", console.Find("[data-hint]").TextContent));
        await PressAsync(console, "o");
        console.WaitForAssertion(() => Assert.Contains("发现状态不能重新处置", console.Find("[data-hint]").TextContent));

        await PressAsync(console, "f");
        console.WaitForAssertion(() => Assert.Equal(nameof(TicketStatus.Filed), console.Find("[data-ticket-view]").GetAttribute("data-status")), TimeSpan.FromSeconds(10));
        await PressAsync(console, "d");
        console.WaitForAssertion(() => Assert.Equal(nameof(TicketStatus.Dispatched), console.Find("[data-ticket-view]").GetAttribute("data-status")), TimeSpan.FromSeconds(10));
        Assert.Contains("T", console.Find("[data-action='Refuse'] kbd").TextContent);

        // 退单 needs a reason: the key asks for it, then does what the button does.
        await PressAsync(console, "t");
        console.WaitForAssertion(() => Assert.Contains("请填写原因", console.Find("[data-hint]").TextContent));
        Assert.Equal(TicketStatus.Dispatched, Runtime.Queries.Current.Tickets.Single(t => t.Id == "R-1").Status);
        await console.InvokeAsync(() => console.Find("[data-input='reason'] input").Input("不属于本部门职责"));
        await PressAsync(console, "t");
        console.WaitForAssertion(() => Assert.Equal(nameof(TicketStatus.Filed), console.Find("[data-ticket-view]").GetAttribute("data-status")), TimeSpan.FromSeconds(10));
        Assert.NotEmpty(Runtime.Queries.Current.Tickets.Single(t => t.Id == "R-1").RefusedDepartmentList);

        await console.InvokeAsync(() => console.Find("[data-input='reason'] input").Input("商户已自行撤离"));
        await PressAsync(console, "c");
        console.WaitForAssertion(() => Assert.Equal(nameof(TicketStatus.Closed), console.Find("[data-ticket-view]").GetAttribute("data-status")), TimeSpan.FromSeconds(10));
        await PressAsync(console, "o");
        console.WaitForAssertion(() => Assert.Contains("请填写原因", console.Find("[data-hint]").TextContent));
        await console.InvokeAsync(() => console.Find("[data-input='reason'] input").Input("市民反映摊位又回来了"));
        await PressAsync(console, "o");
        console.WaitForAssertion(() => Assert.Equal(nameof(TicketStatus.Handling), console.Find("[data-ticket-view]").GetAttribute("data-status")), TimeSpan.FromSeconds(10));

        await PressAsync(console, "?");
        console.WaitForAssertion(() =>
        {
            var help = console.Find("[data-shortcut-help]");
            Assert.Contains("确认告警", help.TextContent);
            Assert.Contains("退单", help.TextContent);
            Assert.Contains("重新处置", help.TextContent);
            Assert.Contains("新建工单", help.TextContent);
        });
    }

    [Fact]
    public async Task The_console_speaks_English_when_asked()
    {
        await ReportAsync("E-1", TicketChannel.Hotline12345, "street-vending", Place(0), "人行道流动摊位", "早高峰人行道上有流动摊位占道经营");

        // A circuit keeps the culture of its request, which ?lang=en or the remembered cookie set.
        using var english = UiLanguage.English();
        await using var ctx = NewContext();
        var console = ctx.Render<ConsolePage>();
        console.WaitForAssertion(() => Assert.Equal(1, Count(console, "[data-queue]")));
        await SelectAsync(console, "E-1");

        console.WaitForAssertion(() =>
        {
            Assert.Equal("en", console.Find("[data-console]").GetAttribute("lang"));
            Assert.Equal("test-officer", console.Find("[data-officer]").TextContent);
            Assert.Equal("Discovered", console.Find("[data-status-label]").TextContent.Trim());
            Assert.Contains("File", console.Find("[data-action='File']").TextContent);
            Assert.Contains("Street vending", console.Find("[data-details]").TextContent, StringComparison.OrdinalIgnoreCase);

            // 评效 by 街镇 names the 街镇 by the geodata's English name, as the queue does.
            var subDistrict = Runtime.District.SubDistricts[0];
            Assert.Equal(subDistrict.NameEn, console.Find($"[data-evaluation='subdistrict'] [data-row='{subDistrict.Code}'] td").TextContent);
        });
    }

    private static int Count(IRenderedComponent<ConsolePage> console, string selector) =>
        int.Parse(console.Find(selector).GetAttribute("data-count")!, CultureInfo.InvariantCulture);

    private static Task SetFilterAsync(IRenderedComponent<ConsolePage> console, Func<QueueFilter, QueueFilter> change)
    {
        var queue = console.FindComponent<TicketQueue>().Instance;
        return console.InvokeAsync(() => queue.FilterChanged.InvokeAsync(change(queue.Filter)));
    }

    private static Task PressAsync(IRenderedComponent<ConsolePage> console, string key) =>
        console.InvokeAsync(() => console.FindComponent<ConsoleKeyboard>().Instance.OnShortcut(key));

    private static Task SelectAsync(IRenderedComponent<ConsolePage> console, string id) =>
        console.InvokeAsync(() => console.FindComponent<TicketQueue>().Instance.Selected.InvokeAsync(id));

    private GeoPoint Place(int subDistrict)
    {
        var point = Runtime.District.SubDistricts[subDistrict].Boundary.InteriorPoint;
        return new GeoPoint(point.X, point.Y);
    }

    private static GeoPoint North(GeoPoint from, double metres) => new(from.Lon, from.Lat + metres / 110_900.0);

    private async Task ReportAsync(string id, TicketChannel channel, string category, GeoPoint at, string title, string description)
    {
        var report = new TicketReport(id, channel, category, title, description, at, "测试地址", null, new Reporter("李四", "13800001111"), Runtime.Clock.GetUtcNow());
        var result = await Runtime.Commands.SubmitAsync(new ReportTicketCommand(report));
        Assert.True(result.Accepted, result.Reason);
    }

    private async Task<string> RaiseSmokeAlarmAsync()
    {
        var sensor = new SensorDefinition("CONSOLE-SMOKE", SensorKind.Smoke, "测试烟感", Place(3), "unit", new Thresholds(50, 80, 5), TimeSpan.FromMinutes(1));
        Assert.True((await Runtime.Commands.SubmitAsync(new RegisterSensorCommand(sensor))).Accepted);
        var reading = new Observation(sensor.Id, 95, Runtime.Clock.GetUtcNow());
        Assert.True((await Runtime.Commands.SubmitAsync(new RecordObservationCommand(reading))).Accepted);
        return Runtime.Queries.Current.ActiveAlarms.Single(a => a.SourceId == sensor.Id).Id;
    }

    private BunitContext NewContext() => ConsoleContext.Create(App.Services);
}
