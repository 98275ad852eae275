using Bunit;
using CommandCenter.Configuration;
using CommandCenter.Live;
using CommandCenter.Map;
using CommandCenter.Scenes;
using CommandCenter.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor.Services;
using Twin.Domain.Emergency;

namespace CommandCenter.Tests.Support;

/// <summary>A bUnit context for the wall page, taking the app's live services, as a paired wall device.</summary>
public static class WallContext
{
    /// <summary>A wall of <paramref name="organisation"/> (the centre's unless told).</summary>
    public static BunitContext Create(IServiceProvider app, string organisation = Twin.Domain.Organisations.Organisation.CentreId)
    {
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        ctx.Services.AddSingleton(app.GetRequiredService<WallFeed>());
        ctx.Services.AddAppTwin(app);
        ctx.Services.AddSingleton(app.GetRequiredService<CameraLayer>());
        ctx.Services.AddSingleton(app.GetRequiredService<IOptions<TwinOptions>>());
        ctx.Services.AddSingleton(app.GetRequiredService<WallSceneDirector>());
        ctx.Services.AddSingleton(app.GetRequiredService<FloodControlAssets>());
        ctx.Services.AddSingleton(app.GetRequiredService<DutyRoster>());
        ctx.Services.AddSingleton(app.GetRequiredService<Twin.Data.Boundary.ITwinBriefings>());
        ctx.Services.AddSingleton(app.GetRequiredService<Twin.Domain.Organisations.AreaVitalSigns>());
        ctx.Services.AddSingleton(app.GetRequiredService<WallOrganisationChanges>());
        ctx.Services.AddSingleton(TimeProvider.System);
        ctx.AddAuthorization().SetAuthorized("wall-device").SetRoles(Roles.Wall).SetPolicies(Policies.ViewWall)
            .SetClaims(new System.Security.Claims.Claim(TwinClaims.Organisation, organisation));
        return ctx;
    }
}
