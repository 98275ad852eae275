using CommandCenter.Alarms;
using CommandCenter.Configuration;
using CommandCenter.Ingestion.Common;
using Microsoft.Extensions.Options;
using Twin.Data.Audit;
using Twin.Data.Boundary;
using Twin.Data.Diagnostics;
using Twin.Data.Nodes;
using Twin.Data.Pipeline;
using Twin.Data.Store;
using Twin.Data.Store.Providers;
using Twin.Domain.Cameras;
using Twin.Domain.Catalogue;
using Twin.Domain.Dispatch;
using Twin.Domain.Emergency;
using Twin.Domain.Engine;
using Twin.Domain.Geography;
using Twin.Domain.Organisations;
using Twin.Domain.Simulation;
using Twin.Domain.Time;

namespace CommandCenter.Core;

/// <summary>
/// The twin's core as one registration: district, catalogue, the twin's clock, engine, store,
/// single-writer pipeline, cameras and readiness, reached by the rest of the app only through
/// <see cref="ITwinCommands"/>, <see cref="ITwinQueries"/>, <see cref="ITwinBriefings"/> and <see cref="ITwinChanges"/>
/// (see docs/decisions/0006-application-boundary.md).
/// </summary>
public static class TwinCoreSetup
{
    public static IServiceCollection AddTwinCore(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<TwinOptions>().Bind(configuration.GetSection(TwinOptions.Section)).CheckedAtStart(o => o.Problems());
        services.AddOptions<AlarmEscalationOptions>().Bind(configuration.GetSection(AlarmEscalationOptions.Section)).CheckedAtStart(o => o.Problems());

        // The simulated AI cameras' snapshots, drawn with the drone feeds' font and JPEG quality.
        services.AddSingleton<CameraSnapshotRenderer>();
        services.AddSingleton<ISnapshotCamera>(sp => sp.GetRequiredService<CameraSnapshotRenderer>());
        services.AddOptions<SimulatorOptions>().Bind(configuration.GetSection(SimulatorOptions.SectionName)).CheckedAtStart(o => OptionsChecks.Thrown(o.Validate));
        services.Configure<TwinStoreOptions>(configuration.GetSection("Twin:Storage"));
        services.PostConfigure<TwinStoreOptions>(o => o.DatabasePath = Path.GetFullPath(Path.Combine(environment.ContentRootPath, o.DatabasePath)));

        // The one real clock: tests replace it with a FakeTimeProvider, which then drives the twin too.
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp =>
        {
            var simulator = Simulator(sp);
            var time = sp.GetRequiredService<TimeProvider>();
            return new TwinClock(time, simulator.StartAt ?? time.GetUtcNow(), simulator.Enabled ? simulator.SpeedFactor : 1);
        });

        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<TwinOptions>>().Value;
            return DistrictMapLoader.LoadFromDirectory(GeoDirectory(options), options.CorridorHalfWidthMetres);
        });
        services.AddSingleton(_ => EventCatalogue.LoadDefault());
        services.AddSingleton(sp => new EvaluationWindow(TimeSpan.FromHours(sp.GetRequiredService<IOptions<TwinOptions>>().Value.EvaluationWindowHours)));
        services.AddSingleton<IReadOnlyList<Camera>>(sp => CameraLayout.Create(
            sp.GetRequiredService<DistrictMap>(),
            DistrictMapLoader.LoadMetroStationsFromDirectory(GeoDirectory(sp.GetRequiredService<IOptions<TwinOptions>>().Value)),
            Simulator(sp).Seed));

        // Simulated placements (geo/SOURCES.md): waterlogging points, underpasses, pumping stations, depots with their stock, teams.
        services.AddSingleton(sp => FloodControlAssetsLoader.LoadFromDirectory(GeoDirectory(sp.GetRequiredService<IOptions<TwinOptions>>().Value)));
        services.AddSingleton(sp => new EmergencyResources(
            PlanLibrary.LoadDefault(sp.GetRequiredService<EventCatalogue>()), sp.GetRequiredService<FloodControlAssets>()));
        services.AddSingleton(_ => DutyRoster.LoadDefault());
        services.AddSingleton(sp => new TwinEngine(
            sp.GetRequiredService<DistrictMap>(), sp.GetRequiredService<EventCatalogue>(), sp.GetRequiredService<TwinClock>(),
            EngineOptionsOf(sp), sp.GetRequiredService<EmergencyResources>()));
        services.AddSingleton(sp => sp.GetRequiredService<TwinEngine>().Duplicates);
        // With the audit chain registered (AddTwinAudit), every batch carries its audit rows in its own transaction.
        services.AddSingleton(sp => new TwinStore(
            sp.GetRequiredService<IOptions<TwinStoreOptions>>().Value, sp.GetService<AuditChain>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new TwinPipeline(
            sp.GetRequiredService<TwinEngine>(), sp.GetRequiredService<TwinStore>(), new TwinPipelineOptions(), sp.GetRequiredService<ILogger<TwinPipeline>>(),
            sp.GetRequiredService<TwinMetrics>()));
        services.AddSingleton(sp => sp.GetRequiredService<TwinPipeline>().WriteHealth);
        services.AddSingleton<TwinReadiness>();
        services.AddSingleton<NodeRole>();
        if (configuration.GetValue<StorageProvider>("Twin:Storage:Provider") == StorageProvider.Postgres)
        {
            AddNodes(services, configuration);
        }

        services.AddSingleton<ITwinCommands, TwinCommands>();
        services.AddSingleton<ITwinQueries, TwinQueries>();
        services.AddSingleton<ITwinBriefings>(sp => new TwinBriefings(
            sp.GetRequiredService<TwinStore>(), sp.GetRequiredService<TwinReadiness>(), sp.GetRequiredService<TwinClock>()));
        services.AddSingleton<TwinChanges>();
        services.AddSingleton<ITwinChanges>(sp => sp.GetRequiredService<TwinChanges>());
        services.AddSingleton(sp => new OrganisationDirectory(sp.GetRequiredService<EventCatalogue>(), sp.GetRequiredService<DistrictMap>()));
        services.AddSingleton<ITwinOrganisations, TwinOrganisations>();
        services.AddHostedService<TwinHost>();
        return services;
    }

    /// <summary>Two or more nodes may share a PostgreSQL store: the writer's lock, the notifications between nodes and the inbox (docs/two-nodes.md).</summary>
    private static void AddNodes(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<NodeOptions>().Bind(configuration.GetSection(NodeOptions.Section)).CheckedAtStart(o => OptionsChecks.Thrown(o.Validate));
        services.AddSingleton(sp =>
        {
            var connectionString = sp.GetRequiredService<IOptions<TwinStoreOptions>>().Value.ConnectionString!;
            var signals = new NodeSignals(connectionString, sp.GetRequiredService<ILogger<NodeSignals>>());
            var options = sp.GetRequiredService<IOptions<NodeOptions>>().Value;
            return new TwinNodes(
                new WriterLease(connectionString, sp.GetRequiredService<ILogger<WriterLease>>()),
                signals,
                new CommandInbox(connectionString, signals, options, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<CommandInbox>>()),
                options);
        });
        services.AddSingleton(sp => sp.GetRequiredService<TwinNodes>().Inbox);
        services.AddSingleton(sp => new ChangeStream(sp.GetRequiredService<TwinNodes>().Signals, sp.GetRequiredService<TwinPipeline>(), sp.GetRequiredService<ILogger<ChangeStream>>()));
    }

    /// <summary>The engine's limits on incoming timestamps, from the ingestion settings (checked against the store's retention), the alarms' escalation timers and the evaluation window.</summary>
    private static EngineOptions EngineOptionsOf(IServiceProvider sp)
    {
        var ingestion = sp.GetRequiredService<IOptions<IngestionOptions>>().Value;
        ingestion.Validate(sp.GetRequiredService<IOptions<TwinStoreOptions>>().Value.RawObservationDays);
        return new EngineOptions
        {
            MaxReadingAge = ingestion.MaxReadingAge,
            MaxClockSkew = ingestion.MaxClockSkew,
            AlarmEscalation = sp.GetRequiredService<IOptions<AlarmEscalationOptions>>().Value.ToRules(),
            Evaluation = sp.GetRequiredService<EvaluationWindow>(),
        };
    }

    private static SimulatorOptions Simulator(IServiceProvider sp)
    {
        var simulator = sp.GetRequiredService<IOptions<SimulatorOptions>>().Value;
        simulator.Validate();
        return simulator;
    }

    private static string GeoDirectory(TwinOptions options) =>
        Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, options.GeoDirectory));
}
