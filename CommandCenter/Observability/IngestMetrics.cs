using CommandCenter.Ingestion.Common;
using Twin.Data.Diagnostics;

namespace CommandCenter.Observability;

/// <summary>
/// Counts every input sent to the ingestion APIs (a request that carries data, not a read) by its
/// source, API, outcome and a reason word taken from the answer's status, refusals by the gate,
/// the rate limiter and the handlers alike. It wraps the gate, so it sees all of them.
/// </summary>
public sealed class IngestMetrics(RequestDelegate next, TwinMetrics metrics)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<IngestEndpoint>() is null || HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
        {
            await next(context);
            return;
        }

        var status = StatusCodes.Status500InternalServerError;
        try
        {
            await next(context);
            status = context.Response.StatusCode;
        }
        finally
        {
            var source = IngestRequest.Find(context)?.Source?.Name ?? "unknown";
            metrics.Input(source, Api(context.Request.Path), status is >= 200 and < 300, Reason(status));
        }
    }

    private static string Api(PathString path) =>
        path.StartsWithSegments("/sta") ? "sta"
        : path.StartsWithSegments("/open311") ? "open311"
        : path.StartsWithSegments("/api/alerts") ? "cap"
        : path.StartsWithSegments("/api/drones") ? "drones"
        : "other";

    /// <summary>A fixed, small set of words, so the metric's series stay few.</summary>
    public static string Reason(int status) => status switch
    {
        >= 200 and < 300 => "ok",
        400 => "invalid",
        401 => "unauthenticated",
        403 => "forbidden",
        404 => "not_found",
        409 => "conflict",
        413 => "too_large",
        415 => "unsupported_media_type",
        422 => "refused",
        429 => "rate_limited",
        503 => "unavailable",
        >= 500 => "error",
        _ => "other",
    };
}
