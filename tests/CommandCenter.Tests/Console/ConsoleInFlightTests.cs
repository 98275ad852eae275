using Bunit;
using CommandCenter.Components.Console;
using CommandCenter.Officers;
using CommandCenter.Security;
using CommandCenter.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Twin.Data.Boundary;
using Twin.Domain.Dispatch;
using Twin.Domain.Engine;
using Twin.Domain.Geography;
using Twin.Domain.Sensors;
using Twin.Domain.Tickets;

namespace CommandCenter.Tests.Console;

/// <summary>
/// The desk while it is not ready and while an action is being committed: keys pressed meanwhile
/// wait and run in order (never lost, never applied twice), and no button takes a click the page
/// cannot yet handle. Against the real twin with the simulator off; the commit is held by the test.
/// </summary>
public sealed class ConsoleInFlightTests : QuietTwinTests
{
    [Fact]
    public async Task Keys_pressed_while_filing_is_committed_wait_and_run_in_order_and_a_second_F_does_not_file_twice()
    {
        var held = new HeldCommands();
        await using var ctx = ConsoleContext.Create(App.Services);
        var console = await OpenAsync(ctx, held, "F-ONE");

        held.Hold();
        var filing = PressAsync(console, "f");
        await held.Reached.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await PressAsync(console, "f");
        await PressAsync(console, "d");

        // While the first F is being committed the others wait where the officer can see them.
        console.WaitForAssertion(() => Assert.Contains("F D", console.Find("[data-keys-waiting]").TextContent));
        Assert.Equal(TicketStatus.Discovered, Ticket("F-ONE").Status);

        held.Release();
        await filing.WaitAsync(TimeSpan.FromSeconds(20));

        console.WaitForAssertion(() => Assert.Equal(nameof(TicketStatus.Dispatched), console.Find("[data-ticket-view]").GetAttribute("data-status")), TimeSpan.FromSeconds(10));
        Assert.Empty(console.FindAll("[data-keys-waiting]"));
        var history = await Runtime.Queries.GetTicketHistoryAsync("F-ONE");
        Assert.Single(history, step => step.To == TicketStatus.Filed);
        Assert.Single(history, step => step.To == TicketStatus.Dispatched);
    }

    [Fact]
    public async Task A_key_pressed_while_a_clicked_action_is_committed_runs_after_it_and_too_many_keys_are_refused_aloud()
    {
        var held = new HeldCommands();
        await using var ctx = ConsoleContext.Create(App.Services);
        var console = await OpenAsync(ctx, held, "C-ONE");

        held.Hold();
        var clicked = console.InvokeAsync(() => console.Find("[data-action='File']").ClickAsync(new()));
        await held.Reached.Task.WaitAsync(TimeSpan.FromSeconds(10));
        foreach (var key in new[] { "d", "j", "j", "j" })
        {
            await PressAsync(console, key);
        }

        await PressAsync(console, "k");
        console.WaitForAssertion(() =>
        {
            Assert.Contains("D J J J", console.Find("[data-keys-waiting]").TextContent);
            Assert.Contains("K", console.Find("[data-key-refused]").TextContent);
        });

        held.Release();
        await clicked.WaitAsync(TimeSpan.FromSeconds(20));

        console.WaitForAssertion(() => Assert.Equal(TicketStatus.Dispatched, Ticket("C-ONE").Status), TimeSpan.FromSeconds(10));
        console.WaitForAssertion(() => Assert.Empty(console.FindAll("[data-keys-waiting]")));
    }

    [Fact]
    public async Task Until_the_desk_is_ready_the_alarm_buttons_take_no_click()
    {
        var sensor = new SensorDefinition("INFLIGHT-SMOKE", SensorKind.Smoke, "测试烟感", Place(3), "unit", new Thresholds(50, 80, 5), TimeSpan.FromMinutes(1));
        Assert.True((await Runtime.Commands.SubmitAsync(new RegisterSensorCommand(sensor))).Accepted);
        Assert.True((await Runtime.Commands.SubmitAsync(new RecordObservationCommand(new Observation(sensor.Id, 95, Runtime.Clock.GetUtcNow())))).Accepted);
        var alarmId = Runtime.Queries.Current.ActiveAlarms.Single(a => a.SourceId == sensor.Id).Id;
        await using var ctx = ConsoleContext.Create(App.Services);
        var keysModule = ctx.JSInterop.SetupModule("./assets/js/consolekeys.js");
        var registering = keysModule.SetupVoid("register", _ => true);
        var console = ctx.Render<ConsolePage>();
        console.WaitForAssertion(() => Assert.NotNull(console.Find($"[data-ack='{alarmId}']")));

        Assert.True(console.Find($"[data-ack='{alarmId}']").HasAttribute("disabled"), "an alarm can be opened before the desk is ready");

        registering.SetVoidResult();

        console.WaitForAssertion(() => Assert.False(console.Find($"[data-ack='{alarmId}']").HasAttribute("disabled"), "the desk is ready but the alarm stays disabled"));
    }

    /// <summary>A ticket reported and opened at a ready desk whose ticket actions <paramref name="held"/> can hold.</summary>
    private async Task<IRenderedComponent<ConsolePage>> OpenAsync(BunitContext ctx, HeldCommands held, string id)
    {
        await ReportAsync(id);
        ctx.Services.AddScoped<IOfficerCommands>(sp => held.Around(new OfficerCommands(sp.GetRequiredService<ITwinCommands>(), sp.GetRequiredService<SignedInOfficer>())));
        var console = ctx.Render<ConsolePage>();
        console.WaitForAssertion(() => Assert.Empty(console.FindAll("[data-not-ready]")), TimeSpan.FromSeconds(10));
        await console.InvokeAsync(() => console.FindComponent<TicketQueue>().Instance.Selected.InvokeAsync(id));
        console.WaitForAssertion(() => Assert.NotNull(console.Find("[data-action='File']")));
        return console;
    }

    private static Task PressAsync(IRenderedComponent<ConsolePage> console, string key) =>
        console.InvokeAsync(() => console.FindComponent<ConsoleKeyboard>().Instance.OnShortcut(key)).WaitAsync(TimeSpan.FromSeconds(20));

    private TicketState Ticket(string id) => Runtime.Queries.Current.Tickets.Single(t => t.Id == id);

    private GeoPoint Place(int subDistrict)
    {
        var point = Runtime.District.SubDistricts[subDistrict].Boundary.InteriorPoint;
        return new GeoPoint(point.X, point.Y);
    }

    private async Task ReportAsync(string id)
    {
        var report = new TicketReport(id, TicketChannel.Hotline12345, "street-light", "路灯不亮", "小区门口路灯晚上不亮", Place(1), "测试地址", null,
            new Reporter("李四", "13800001111"), Runtime.Clock.GetUtcNow());
        Assert.True((await Runtime.Commands.SubmitAsync(new ReportTicketCommand(report))).Accepted);
    }

    /// <summary>The officers' commands, of which the test can hold the next ticket action before it is committed.</summary>
    private sealed class HeldCommands
    {
        private TaskCompletionSource? _gate;
        private TaskCompletionSource? _held;

        public TaskCompletionSource Reached { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Hold()
        {
            _gate = _held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        public void Release() => _held?.TrySetResult();

        public IOfficerCommands Around(IOfficerCommands inner) => new Held(inner, this);

        private sealed class Held(IOfficerCommands inner, HeldCommands owner) : IOfficerCommands
        {
            public Task<bool> MayActAsync() => inner.MayActAsync();

            public async Task<CommandOutcome> SubmitAsync(TwinCommand command, CancellationToken ct = default)
            {
                if (command is DispatchCommand && owner._gate is { } gate)
                {
                    owner._gate = null;
                    owner.Reached.TrySetResult();
                    await gate.Task;
                }

                return await inner.SubmitAsync(command, ct);
            }
        }
    }
}
