using System.Threading.RateLimiting;
using CommandCenter.Configuration;
using CommandCenter.Ingestion.AiVideo;
using CommandCenter.Ingestion.Cap;
using CommandCenter.Ingestion.Mqtt;
using CommandCenter.Ingestion.Open311;
using CommandCenter.Ingestion.SensorThings;
using CommandCenter.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace CommandCenter.Ingestion.Common;

/// <summary>Wires the open ingestion APIs: options, the gate (size limit, API key), the per-key rate limit and the routes.</summary>
public static class IngestionSetup
{
    public const string RatePolicy = "ingestion";

    public static IServiceCollection AddIngestion(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<IngestionOptions>().Bind(configuration.GetSection(IngestionOptions.Section)).CheckedAtStart(IngestionOptionsChecks.Problems);
        services.AddOptions<SensorThresholdOptions>().Bind(configuration.GetSection(SensorThresholdOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SensorThresholdOptions>, SensorThresholdValidation>();
        services.AddSingleton<Open311Handler>();
        services.AddSingleton<CommandCenter.Api.IApiErrorFormat, Open311ErrorFormat>();
        services.AddSingleton<SensorThingsHandler>();
        services.AddSingleton<CapHandler>();
        services.Configure<MqttOptions>(configuration.GetSection(MqttOptions.Section));
        services.AddHostedService<MqttBroker>();
        // What a machine writing data proves is its source's API key; the check is ingestion's, the policy's name is shared.
        services.AddSingleton<IAuthorizationHandler, IngestionKeyHandler>();
        services.Configure<AuthorizationOptions>(o =>
            o.AddPolicy(Policies.ReportTelemetry, p => p.RequireAuthenticatedUser().AddRequirements(new IngestionKeyRequirement())));
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(RatePolicy, Partition);
            o.OnRejected = async (rejected, _) =>
            {
                var retry = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);
                rejected.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retry.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                await IngestErrors.WriteAsync(rejected.HttpContext, StatusCodes.Status429TooManyRequests,
                    $"Rate limit reached; try again in {Math.Ceiling(retry.TotalSeconds)} s.");
            };
        });
        return services;
    }

    /// <summary>
    /// The gate runs before the rate limiter so that the limiter can partition by the source the
    /// key belongs to (Open311 sends its key inside the form body, which the limiter's synchronous
    /// partitioner cannot read); an unknown key is refused after the limiter, which then counts it
    /// against the caller's address, so guessing keys is rate limited too.
    /// </summary>
    public static WebApplication UseIngestion(this WebApplication app)
    {
        app.UseMiddleware<IngestGateMiddleware>();
        app.UseRateLimiter();
        app.Use(async (context, next) =>
        {
            if (IngestRequest.Find(context) is { KeyProblem: { } problem })
            {
                await IngestErrors.WriteAsync(context, StatusCodes.Status401Unauthorized, problem);
                return;
            }

            if (IngestRequest.Find(context) is { Source: { } source } &&
                context.GetEndpoint()?.Metadata.GetMetadata<IngestEndpoint>() is { Scope: { } scope } && !source.May(scope))
            {
                await RefuseScopeAsync(context, source, scope);
                return;
            }

            await next(context);
        });
        return app;
    }

    public static IEndpointRouteBuilder MapIngestion(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpen311();
        endpoints.MapSensorThings();
        endpoints.MapCap();
        endpoints.MapAiVideo();
        return endpoints;
    }

    /// <summary>Marks a keyless (read) endpoint as ingestion: behind the gate and the per-address rate limit.</summary>
    public static RouteHandlerBuilder Ingest(this RouteHandlerBuilder builder, IngestBodySize body) =>
        builder.WithMetadata(new IngestEndpoint(body, RequiresKey: false, Scope: null)).RequireRateLimiting(RatePolicy);

    /// <summary>
    /// A public read that a caller may also make with a key: the key must then be valid and hold
    /// <paramref name="keyedScope"/>, and its reads count against its source's rate, not its address's.
    /// </summary>
    public static RouteHandlerBuilder IngestRead(this RouteHandlerBuilder builder, string keyedScope) =>
        builder.WithMetadata(new IngestEndpoint(IngestBodySize.None, RequiresKey: false, keyedScope)).RequireRateLimiting(RatePolicy);

    /// <summary>Marks an endpoint as keyed ingestion: a source's key with <paramref name="scope"/> (<see cref="IngestScopes"/>), behind the per-key rate limit.</summary>
    public static RouteHandlerBuilder Ingest(this RouteHandlerBuilder builder, IngestBodySize body, string scope) =>
        builder.WithMetadata(new IngestEndpoint(body, RequiresKey: true, scope)).RequireRateLimiting(RatePolicy);

    /// <summary>A valid key used outside its scopes: audited, then 403.</summary>
    private static async Task RefuseScopeAsync(HttpContext context, IngestionSource source, string scope)
    {
        var detail = $"Source '{source.Name}' may not use the {scope} API (its scopes: {(source.Scopes.Count == 0 ? "none" : string.Join(", ", source.Scopes))}).";
        var refusal = await IngestErrors.ForbiddenAsync(context, source, $"{context.Request.Method} {context.Request.Path}", detail);
        await refusal.ExecuteAsync(context);
    }

    private static RateLimitPartition<string> Partition(HttpContext context)
    {
        var options = context.RequestServices.GetRequiredService<IOptionsMonitor<IngestionOptions>>().CurrentValue;
        if (IngestRequest.Find(context)?.Source is { } source)
        {
            return Window("key:" + source.Name, source.RatePerMinute);
        }

        return Window("ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"), options.ReadRatePerMinute);
    }

    private static RateLimitPartition<string> Window(string key, int perMinute) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, perMinute),
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
}

/// <summary>Reads the body within the endpoint's limit and resolves the API key, before the rate limiter.</summary>
public sealed class IngestGateMiddleware(RequestDelegate next, IOptionsMonitor<IngestionOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<IngestEndpoint>() is not { } endpoint)
        {
            await next(context);
            return;
        }

        var o = options.CurrentValue;
        var body = Array.Empty<byte>();
        if (endpoint.Body != IngestBodySize.None)
        {
            var limit = endpoint.Body == IngestBodySize.Batch ? o.MaxBatchBytes : o.MaxSingleBytes;
            var read = await ReadLimitedAsync(context, limit);
            if (read is null)
            {
                await IngestErrors.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, $"The body is larger than {limit} bytes.");
                return;
            }

            // Every format taken here (JSON, CAP XML, forms) is UTF-8; refusing other bytes up front
            // keeps each parser from meeting them (System.Text.Json throws on them, others guess).
            if (!System.Text.Unicode.Utf8.IsValid(read))
            {
                await IngestErrors.WriteAsync(context, StatusCodes.Status400BadRequest, "The body is not valid UTF-8.");
                return;
            }

            body = read;
        }

        var request = IngestRequest.Attach(context, body);
        if (endpoint.RequiresKey || (endpoint.Scope is not null && context.Request.Headers.ContainsKey("X-Api-Key")))
        {
            request.ResolveSource(context, o.Sources);
        }

        await next(context);
    }

    /// <summary>The whole body, or null as soon as it passes <paramref name="limit"/> (declared or actual length).</summary>
    private static async Task<byte[]?> ReadLimitedAsync(HttpContext context, int limit)
    {
        if (context.Request.ContentLength > limit)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int n;
        while ((n = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
        {
            if (buffer.Length + n > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, n);
        }

        return buffer.ToArray();
    }
}

/// <summary>
/// Documents a request body in the OpenAPI description only. Accepts() would do that too, but it
/// also makes routing refuse other content types with a bare 400 before the endpoint runs, and
/// the endpoints must answer every refusal in their standard's own error format.
/// </summary>
public static class OpenApiBody
{
    public static RouteHandlerBuilder DocumentBody(this RouteHandlerBuilder builder, string description, params string[] contentTypes) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.RequestBody = new Microsoft.OpenApi.OpenApiRequestBody
            {
                Description = description,
                Required = true,
                Content = contentTypes.ToDictionary(t => t, _ => new Microsoft.OpenApi.OpenApiMediaType()),
            };
            return Task.CompletedTask;
        });
}
