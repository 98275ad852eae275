using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CommandCenter.Live;

/// <summary><c>/healthz</c>'s body: the overall status and each check's (the twin, the security bootstrap), so an operator sees what is not ready.</summary>
public static class HealthReportJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, Options));
    }
}
