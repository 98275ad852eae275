using CommandCenter.Api;
using CommandCenter.Audit;
using CommandCenter.Briefing;
using CommandCenter.Components;
using CommandCenter.Core;
using CommandCenter.Drones;
using CommandCenter.Emergency;
using CommandCenter.Field;
using CommandCenter.Hub;
using CommandCenter.Ingestion.AiVideo;
using CommandCenter.Ingestion.Common;
using CommandCenter.Live;
using CommandCenter.Localization;
using CommandCenter.Map;
using CommandCenter.Notifications;
using CommandCenter.Observability;
using CommandCenter.Scenes;
using CommandCenter.Search;
using CommandCenter.Security;
using CommandCenter.Vocabulary;

var builder = WebApplication.CreateBuilder(args);

// `dotnet run --project CommandCenter -- audit verify`: checks the audit log's hash chain and exits.
if (args is ["audit", "verify", ..])
{
    return await AuditVerifyCommand.RunAsync(builder.Configuration, builder.Environment,
        () => SecuritySetup.DataProtectionFor(builder.Configuration, builder.Environment), Console.Out);
}

// `-- backup` writes an online copy of the database; `-- restore FILE` puts one in its place (app stopped).
if (args is ["backup", ..] or ["restore", _, ..])
{
    return await BackupCommand.RunAsync(args, builder.Configuration, builder.Environment, Console.Out);
}

// The build output serves static web assets (npm libraries, ../wwwroot-assets, framework files) from
// their source folders through the runtime manifest, which ASP.NET Core reads only in Development
// unless asked; publish output has no manifest, so this is a no-op there.
builder.WebHost.UseStaticWebAssets();
builder.AddTwinObservability();

builder.Services
    .AddTwinWeb()
    .AddTwinLanguage()
    .AddTwinCore(builder.Configuration, builder.Environment)
    .AddTwinData()
    .AddTwinHub(builder.Configuration)
    .AddTwinMap()
    .AddTwinLive()
    .AddWallScenes()
    .AddBriefing()
    .AddField()
    .AddIngestion(builder.Configuration)
    .AddDrones(builder.Configuration)
    .AddTwinNotifications(builder.Configuration)
    .AddTwinSecurity(builder.Configuration, builder.Environment)
    .AddTwinAudit(builder.Environment);

var app = builder.Build();

// First, so that HSTS, cookies and the audit log see the client's scheme and address.
app.UseTwinForwardedHeaders();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
    app.UseHsts();
}

app.UseTwinLanguage();
app.UseTwinSecurity();
app.UseTwinStatusCodePages();
app.UseTwinObservability();
app.UseIngestion();
app.UseAntiforgery();

app.MapStaticAssets().AllowAnonymous();
app.MapTwinLive();
app.MapTwinMetrics();
app.MapTwinHub();
app.MapTwinMap();
app.MapVocabulary();
app.MapTwinApiDescription();
// The ingestion APIs authenticate their callers with their own API keys, not with accounts.
app.MapGroup(string.Empty).AllowAnonymous().MapIngestion();
app.MapDrones();
app.MapAlarmSnapshots();
app.MapAccountEndpoints();
app.MapSearch();
app.MapAfterAction();
app.MapBriefing();
app.MapField();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

await app.RunAsync();

// Non-zero when the node stopped itself (it lost the writer's lock), so its service manager restarts it.
return Environment.ExitCode;
