using CommandCenter.Audit;
using CommandCenter.Ingestion.Open311;
using Twin.Data.Audit;

namespace CommandCenter.Ingestion.Common;

/// <summary>
/// Every refusal of the ingestion endpoints goes through here so that each standard answers in
/// its own error format: Open311 as its list of <c>{code, description}</c> (JSON or XML after the
/// path's format), everything else as RFC 9457 problem details.
/// </summary>
public static class IngestErrors
{
    /// <param name="extensions">Problem-details members beyond the standard ones (a conflict names the stored record).</param>
    public static IResult Error(HttpContext context, int status, string detail, IDictionary<string, object?>? extensions = null)
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments(Open311Endpoints.Prefix))
        {
            var errors = new Open311List("error", [new Dictionary<string, object?> { ["code"] = status, ["description"] = detail }]);
            return path.Value!.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)
                ? Results.Text(Open311Document.Xml("errors", errors), "text/xml; charset=utf-8", statusCode: status)
                : Results.Text(Open311Document.Json(errors), "application/json; charset=utf-8", statusCode: status);
        }

        return Results.Problem(detail: detail, statusCode: status, title: Title(status), extensions: extensions);
    }

    /// <summary>
    /// A source's key used for something it may not do: the refusal is in the audit log (committed
    /// before the answer, so no refused attempt goes unrecorded), then 403.
    /// </summary>
    public static async Task<IResult> ForbiddenAsync(
        HttpContext context, IngestionSource source, string target, string detail, IDictionary<string, object?>? extensions = null)
    {
        var origin = AuditOrigin.Of(context);
        var at = context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        await context.RequestServices.GetRequiredService<AuditTrail>().WriteAsync(
            new AuditEntry(at, source.Actor, AuditActions.Forbidden, target, AuditOutcome.Denied, detail, origin.Ip, origin.UserAgent),
            context.RequestAborted);
        return Error(context, StatusCodes.Status403Forbidden, detail, extensions);
    }

    /// <summary>Writes the error straight to the response (for middleware and the rate limiter, outside an endpoint).</summary>
    public static Task WriteAsync(HttpContext context, int status, string detail) =>
        Error(context, status, detail).ExecuteAsync(context);

    private static string Title(int status) => status switch
    {
        400 => "The request is malformed.",
        401 => "A valid API key is required.",
        403 => "Not allowed for this source.",
        404 => "Not found.",
        409 => "Conflict.",
        413 => "The request body is too large.",
        415 => "Unsupported media type.",
        422 => "The input was refused.",
        429 => "Too many requests.",
        _ => "The request failed.",
    };
}
