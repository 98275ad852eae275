using CommandCenter.Audit;
using CommandCenter.Live;
using CommandCenter.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Twin.Data.Audit;

namespace CommandCenter.Components.Admin;

/// <summary>
/// Development only: starts the typhoon scenario in the running simulation, so the whole 平急融合
/// flow can be shown without restarting with <c>--Twin:Simulator:Scenario=typhoon</c>. Audited.
/// </summary>
public sealed partial class StormAction
{
    private bool _asked;

    [Inject]
    private IHostEnvironment Environment { get; set; } = default!;

    [Inject]
    private StormTrigger Trigger { get; set; } = default!;

    [Inject]
    private AuditTrail Audit { get; set; } = default!;

    [Inject]
    private AuthenticationStateProvider State { get; set; } = default!;

    [Inject]
    private ClientOrigin Origin { get; set; } = default!;

    private async Task StartAsync()
    {
        if (!Environment.IsDevelopment() || !Trigger.Request())
        {
            return;
        }

        _asked = true;
        var user = (await State.GetAuthenticationStateAsync()).User;
        Audit.Record(user, AuditActions.StormStarted, "typhoon", AuditOutcome.Success, "typhoon scenario started from the admin page", Origin.Current);
    }
}
