using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace CommandCenter.Observability;

/// <summary>
/// Lets a scrape of <c>/metrics</c> through from an allowed address or with the configured bearer
/// token; anything else gets 403 problem details (the endpoint's existence is no secret).
/// </summary>
public sealed class MetricsAccess(RequestDelegate next, IOptionsMonitor<MetricsOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var o = options.CurrentValue;
        if (o.Allows(context.Connection.RemoteIpAddress) || HasToken(context, o.ApiKey))
        {
            await next(context);
            return;
        }

        await Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Metrics are not readable from here.",
            detail: $"Scrape from an address in {MetricsOptions.Section}:AllowedAddresses or send {MetricsOptions.Section}:ApiKey as a bearer token.")
            .ExecuteAsync(context);
    }

    private static bool HasToken(HttpContext context, string? key)
    {
        if (string.IsNullOrEmpty(key) || context.Request.Headers.Authorization.FirstOrDefault() is not { } header
            || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header["Bearer ".Length..].Trim()), Encoding.UTF8.GetBytes(key));
    }
}
