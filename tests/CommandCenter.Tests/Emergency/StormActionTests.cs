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

        // 10 s at 60× on a quiet machine; a simulator stepping behind a loaded CI machine took over 40 s once.
        await Eventually.Until(() => twin.Queries.Current.ActiveAlarms.Any(a => a.Source == AlarmSource.Cap && a.Kind == "台风蓝色预警"),
            "the typhoon's blue warning (10 twin minutes after the start, 10 s at 60×)", TimeSpan.FromSeconds(120));
        Assert.Contains(twin.Queries.Current.Proposals, p => p is { Source: "cap", Type: EmergencyType.FloodTyphoon, Level: ResponseLevel.IV });
        Assert.False(twin.Queries.Current.IsEmergency);
        Assert.True(_app.Services.GetRequiredService<StormTrigger>().Running);
        Assert.False(_app.Services.GetRequiredService<StormTrigger>().Request(), "a second storm is not started");
    }
}
