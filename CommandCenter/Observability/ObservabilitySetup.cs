using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using Twin.Data.Diagnostics;

namespace CommandCenter.Observability;

/// <summary>
/// Wires what an operator watches: logs (JSON lines outside Development, for a log shipper), the
/// OpenTelemetry metrics — ASP.NET Core, SignalR connections, the .NET runtime and the twin's own
/// <see cref="TwinMetrics"/> — and their Prometheus endpoint <c>/metrics</c>.
/// </summary>
public static class ObservabilitySetup
{
    public const string MetricsPath = "/metrics";

    public static WebApplicationBuilder AddTwinObservability(this WebApplicationBuilder builder)
    {
        if (builder.Environment.IsDevelopment())
        {
            builder.Logging.AddSimpleConsole();
        }
        else
        {
            // One JSON object a line, times in UTC: what journald, Docker and Loki ingest without parsing rules.
            builder.Logging.AddJsonConsole(o =>
            {
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
                o.IncludeScopes = true;
            });
        }

        builder.Services.AddOptions<MetricsOptions>().BindConfiguration(MetricsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<TwinMetrics>();
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("cityops-twin"))
            .WithMetrics(m => m
                .AddMeter(TwinMetrics.MeterName)
                .AddAspNetCoreInstrumentation()
                // SignalR's connections (signalr.server.active_connections, …): the hub and every Blazor circuit.
                .AddMeter("Microsoft.AspNetCore.Http.Connections")
                .AddRuntimeInstrumentation()
                // Each scrape sees the numbers of that moment, not a copy kept for a while.
                .AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0));
        return builder;
    }

    /// <summary>Counts ingestion inputs; goes before the ingestion gate so that its refusals are counted too.</summary>
    public static WebApplication UseTwinObservability(this WebApplication app)
    {
        app.UseMiddleware<IngestMetrics>();
        return app;
    }

    /// <summary><c>/metrics</c> in Prometheus' text format, to allowed addresses or the configured token (<see cref="MetricsAccess"/>).</summary>
    public static IEndpointRouteBuilder MapTwinMetrics(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPrometheusScrapingEndpoint(MetricsPath, meterProvider: null, configureBranchedPipeline: b => b.UseMiddleware<MetricsAccess>(), optionsName: null)
            .AllowAnonymous();
        return endpoints;
    }
}
