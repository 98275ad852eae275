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
            metrics.Input(source, Api(context.Request.Path), status is >= 200 and < 300, InputReason.Of(status));
        }
    }

    private static string Api(PathString path) =>
        path.StartsWithSegments("/sta") ? "sta"
        : path.StartsWithSegments("/open311") ? "open311"
        : path.StartsWithSegments("/api/alerts") ? "cap"
        : path.StartsWithSegments("/api/drones") ? "drones"
        : "other";
}
