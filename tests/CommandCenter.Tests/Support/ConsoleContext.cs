using Bunit;
using CommandCenter.Live;
using CommandCenter.Officers;
using CommandCenter.Security;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace CommandCenter.Tests.Support;

/// <summary>A bUnit context for the console, taking the app's live services, with an officer (or a leader) signed in.</summary>
public static class ConsoleContext
{
    public static BunitContext Create(IServiceProvider app, string role = Roles.Officer)
    {
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        ctx.Services.AddSingleton(app.GetRequiredService<WallFeed>());
        ctx.Services.AddAppTwin(app);
        ctx.Services.AddSingleton(app.GetRequiredService<CommandCenter.Drones.DroneDesk>());
        var auth = ctx.AddAuthorization().SetAuthorized("test-" + role).SetRoles(role);
        if (role == Roles.Leader)
        {
            auth.SetPolicies(Policies.ViewWall, Policies.UseConsole, Policies.PresentOnWall);
        }
        else
        {
            auth.SetPolicies([Policies.ActOnTickets, Policies.RevealContact, .. Policies.RolesOf[Policies.PresentOnWall].Contains(role) ? [Policies.PresentOnWall] : Array.Empty<string>()]);
        }

        ctx.Services.AddSingleton(app.GetRequiredService<CommandCenter.Audit.AuditTrail>());
        ctx.Services.AddScoped<ContactRevealService>();
        ctx.Services.AddScoped<ClientOrigin>();
        ctx.Services.AddScoped<SignedInOfficer>();
        ctx.Services.AddScoped<IOfficerIdentity>(sp => sp.GetRequiredService<SignedInOfficer>());
        ctx.Services.AddScoped<IEmergencyCommands, EmergencyCommands>();
        ctx.Services.AddSingleton(app.GetRequiredService<Twin.Domain.Emergency.FloodControlAssets>());
        ctx.Services.AddSingleton(app.GetRequiredService<Twin.Domain.Emergency.DutyRoster>());
        ctx.Services.AddSingleton(app.GetRequiredService<CommandCenter.Scenes.WallSceneDirector>());
        ctx.Services.AddSingleton(app.GetRequiredService<Microsoft.Extensions.Options.IOptions<CommandCenter.Configuration.TwinOptions>>());
        ctx.Services.AddScoped<CommandCenter.Scenes.IWallPresenter, WallPresenterCommands>();
        return ctx;
    }
}
