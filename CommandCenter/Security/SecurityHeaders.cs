using System.Security.Cryptography;
using CommandCenter.Api;
using CommandCenter.Audit;
using CommandCenter.Configuration;
using Microsoft.Extensions.Options;
using Twin.Data.Audit;

namespace CommandCenter.Security;

/// <summary>
/// Headers on every response (docs/decisions/0004-content-security-policy.md explains the policy's
/// exceptions), HSTS when the request came over HTTPS, and the Origin check for WebSocket and hub
/// requests (browsers do not apply CORS to WebSockets).
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next, IOptions<TwinOptions> twin, IOptionsMonitor<SecurityOptions> security, AuditTrail audit)
{
    public const string NonceItem = "csp-nonce";

    private readonly string _tileOrigin = TileOrigin(twin.Value.Map.TileUrl);

    public static string? Nonce(HttpContext? context) => context?.Items[NonceItem] as string;

    public async Task InvokeAsync(HttpContext context)
    {
        if (IsRealtime(context.Request.Path) && !OriginAllowed(context))
        {
            audit.Record(context.User, AuditActions.OriginRefused, context.Request.Path.Value, AuditOutcome.Denied,
                "origin " + context.Request.Headers.Origin, AuditOrigin.Of(context));
            await ApiAnswers.WriteAsync(context, StatusCodes.Status403Forbidden, "This page's origin may not open the app's live connections (Twin:Security:AllowedOrigins).");
            return;
        }

        var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        context.Items[NonceItem] = nonce;
        context.Response.OnStarting(() =>
        {
            var h = context.Response.Headers;
            h.ContentSecurityPolicy = Policy(nonce);
            h.XContentTypeOptions = "nosniff";
            h.XFrameOptions = "DENY";
            h["Referrer-Policy"] = "no-referrer";
            h["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            h["Cross-Origin-Opener-Policy"] = "same-origin";
            if (context.Request.IsHttps)
            {
                h.StrictTransportSecurity = "max-age=31536000; includeSubDomains";
            }

            return Task.CompletedTask;
        });
        await next(context);
    }

    private string Policy(string nonce) =>
        "default-src 'self'; " +
        $"script-src 'self' 'nonce-{nonce}'; " +
        "style-src 'self' 'unsafe-inline'; " +
        $"img-src 'self' data: blob:{_tileOrigin}; " +
        "font-src 'self' data:; " +
        $"connect-src 'self'{_tileOrigin}; " +
        "worker-src 'self' blob:; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private static bool IsRealtime(PathString path) =>
        path.StartsWithSegments("/hubs") || path.StartsWithSegments("/_blazor");

    /// <summary>No Origin (a non-browser client) is allowed; a browser's must be this app or a configured one.</summary>
    private bool OriginAllowed(HttpContext context)
    {
        var origin = context.Request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return true;
        }

        var own = $"{context.Request.Scheme}://{context.Request.Host}";
        return string.Equals(origin, own, StringComparison.OrdinalIgnoreCase)
            || security.CurrentValue.AllowedOrigins.Contains(origin, StringComparer.OrdinalIgnoreCase);
    }

    private static string TileOrigin(string? tileUrl)
    {
        if (string.IsNullOrWhiteSpace(tileUrl))
        {
            return string.Empty;
        }

        var template = tileUrl.Replace("{", "", StringComparison.Ordinal).Replace("}", "", StringComparison.Ordinal);
        return Uri.TryCreate(template, UriKind.Absolute, out var uri) ? " " + uri.GetLeftPart(UriPartial.Authority) : string.Empty;
    }
}
