using Bunit;
using CommandCenter.Audit;
using CommandCenter.Components.Admin;
using CommandCenter.Live;
using CommandCenter.Security;
using CommandCenter.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MudBlazor.Services;
using Twin.Domain.Alarms;
using Twin.Domain.Emergency;

namespace CommandCenter.Tests.Emergency;

/// <summary>The admin's storm action in Development starts the typhoon scenario in the running simulation: a CAP typhoon warning follows and proposes, nothing switches.</summary>
public sealed class StormActionTests : IAsyncLifetime
{
    private readonly TwinAppFactory _app = new();

    public async Task InitializeAsync() => await _app.Services.AppTwin().Ready.WaitAsync(TimeSpan.FromSeconds(60));

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Starting_the_storm_brings_a_typhoon_warning_within_ten_twin_minutes_and_a_proposal_but_no_emergency()
    {
        Assert.True(_app.Services.GetRequiredService<IHostEnvironment>().IsDevelopment());
        var twin = _app.Services.AppTwin();
        Assert.DoesNotContain(twin.Queries.Current.ActiveAlarms, a => a.Source == AlarmSource.Cap);
        await using var ctx = new BunitContext();
        ctx.Services.AddMudServices();
        ctx.Services.AddSingleton(_app.Services.GetRequiredService<IHostEnvironment>());
        ctx.Services.AddSingleton(_app.Services.GetRequiredService<StormTrigger>());
        ctx.Services.AddSingleton(_app.Services.GetRequiredService<AuditTrail>());
        ctx.Services.AddScoped<ClientOrigin>();
        ctx.AddAuthorization().SetAuthorized("admin").SetRoles(Roles.Admin).SetPolicies(Policies.Administer);

        var action = ctx.Render<StormAction>();
        action.Find("[data-start-storm]").Click();

        Assert.NotNull(action.Find("[data-storm-asked]"));

        await BlueWarningAsync(twin);
        Assert.Contains(twin.Queries.Current.Proposals, p => p is { Source: "cap", Type: EmergencyType.FloodTyphoon, Level: ResponseLevel.IV });
        Assert.False(twin.Queries.Current.IsEmergency);
        Assert.True(_app.Services.GetRequiredService<StormTrigger>().Running);
        Assert.False(_app.Services.GetRequiredService<StormTrigger>().Request(), "a second storm is not started");
    }

    /// <summary>
    /// The moment the twin is ready the simulator has not taken its first step, and cannot start a
    /// storm yet: the request used to be taken then and dropped, so the warning never came (in a
    /// full test run, where the admin page renders fast enough to ask that early).
    /// </summary>
    [Fact]
    public async Task A_storm_asked_before_the_simulators_first_step_waits_for_it_and_is_not_lost()
    {
        var twin = _app.Services.AppTwin();
        var trigger = _app.Services.GetRequiredService<StormTrigger>();

        Assert.True(trigger.Request());

        await BlueWarningAsync(twin);
        Assert.True(trigger.Running);
    }

    private static Task BlueWarningAsync(AppTwin twin) =>
        // 10 twin minutes are 10 s at 60×; the bound leaves a loaded machine's pipeline its seconds
        // of delay while staying far below the "never" of a lost request.
        Eventually.Until(() => twin.Queries.Current.ActiveAlarms.Any(a => a.Source == AlarmSource.Cap && a.Kind == "台风蓝色预警"),
            "the typhoon's blue warning (10 twin minutes after the start, 10 s at 60×)",
            TimeSpan.FromSeconds(60));
}
