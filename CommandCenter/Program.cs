using System.Text.Encodings.Web;
using System.Text.Unicode;
using CommandCenter.Audit;
using CommandCenter.Components;
using CommandCenter.Configuration;
using CommandCenter.Drones;
using CommandCenter.Ingestion.Common;
using CommandCenter.Live;
using CommandCenter.Map;
using CommandCenter.Officers;
using Microsoft.Extensions.Options;
using CommandCenter.Security;
using MudBlazor.Services;
using Twin.Data.Store;
using Twin.Domain.Simulation;

var builder = WebApplication.CreateBuilder(args);

// `dotnet run --project CommandCenter -- audit verify`: checks the audit log's hash chain and exits.
if (args is ["audit", "verify", ..])
{
    return await AuditVerifyCommand.RunAsync(builder.Configuration, builder.Environment, Console.Out);
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

// Razor components entity-encode non-ASCII text unless an encoder allowing all ranges is registered.
builder.Services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddMudServices();
builder.Services.AddSignalR();
builder.Services.AddProblemDetails();

builder.Services.Configure<TwinOptions>(builder.Configuration.GetSection(TwinOptions.Section));
builder.Services.Configure<SimulatorOptions>(builder.Configuration.GetSection(SimulatorOptions.SectionName));
builder.Services.Configure<TwinStoreOptions>(builder.Configuration.GetSection("Twin:Storage"));
builder.Services.PostConfigure<TwinStoreOptions>(o =>
    o.DatabasePath = Path.GetFullPath(Path.Combine(builder.Environment.ContentRootPath, o.DatabasePath)));
builder.Services.AddOptions<TwinStoreOptions>().Validate(o =>
{
    o.Validate();
    return true;
}).ValidateOnStart();

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<TwinRuntime>();
builder.Services.AddHostedService<TwinRuntimeService>();
builder.Services.AddHostedService<SimulatorService>();
builder.Services.AddHostedService<DataLifecycleService>();
builder.Services.AddSingleton<WallFeed>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<WallFeed>());
builder.Services.AddScoped<SignedInOfficer>();
builder.Services.AddScoped<IOfficerIdentity>(sp => sp.GetRequiredService<SignedInOfficer>());
builder.Services.AddSingleton<IMapSender, HubMapSender>();
builder.Services.AddSingleton(sp => new MapFanout(
    sp.GetRequiredService<IMapSender>(),
    sp.GetRequiredService<IOptions<TwinOptions>>().Value.Map.SubscriberQueueLength,
    sp.GetRequiredService<ILogger<MapFanout>>()));
builder.Services.AddSingleton<MapBroadcaster>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<MapBroadcaster>());
builder.Services.AddSingleton(sp =>
{
    var runtime = sp.GetRequiredService<TwinRuntime>();
    return new CameraLayer(runtime.District, runtime.Cameras);
});
builder.Services.AddHealthChecks().AddCheck<TwinHealthCheck>("twin").AddCheck<SecurityHealthCheck>("security");
builder.Services.AddOpenApi();
builder.Services.AddIngestion(builder.Configuration);
builder.Services.AddDrones(builder.Configuration);
builder.Services.AddTwinSecurity(builder.Configuration, builder.Environment);

var app = builder.Build();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
    app.UseHsts();
}

app.UseTwinSecurity();
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseIngestion();
app.UseAntiforgery();

app.MapStaticAssets().AllowAnonymous();
app.MapHealthChecks("/healthz", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { ResponseWriter = HealthReportJson.WriteAsync }).AllowAnonymous();
app.MapHub<TwinHub>(TwinHub.Path);
app.MapTwinMapEndpoints();
app.MapCameraEndpoints();
app.MapOpenApi();
// The ingestion APIs authenticate their callers with their own API keys, not with accounts.
app.MapGroup(string.Empty).AllowAnonymous().MapIngestion();
app.MapDrones();
app.MapAccountEndpoints();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

await app.RunAsync();
return 0;
