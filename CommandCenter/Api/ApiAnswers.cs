using Microsoft.AspNetCore.Diagnostics;

namespace CommandCenter.Api;

/// <summary>
/// Requests under the API prefixes are answered as an API client expects, never with an HTML page
/// or a redirect to the sign-in page: a route nobody serves is 404, a method the path does not take
/// 405 (with <c>Allow</c>), a missing or refused sign-in 401/403 — as RFC 9457 problem details, or
/// Open311's own error list under <c>/open311</c>.
/// </summary>
public static class ApiAnswers
{
    public static readonly string[] Prefixes = ["/sta", "/open311", "/api", "/hubs", "/openapi"];

    public static bool IsApi(PathString path) => Prefixes.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase));

    /// <summary>Writes the error in the path's format (a standard's own, <see cref="IApiErrorFormat"/>; problem details elsewhere).</summary>
    public static Task WriteAsync(HttpContext context, int status, string? detail = null)
    {
        detail ??= Detail(context, status);
        var path = context.Request.Path;
        if (context.RequestServices.GetServices<IApiErrorFormat>().FirstOrDefault(f => f.Answers(path)) is { } own)
        {
            return own.WriteAsync(context, status, detail);
        }

        return Results.Problem(detail: detail, statusCode: status, title: Title(status)).ExecuteAsync(context);
    }

    /// <summary>
    /// Before authentication: a path no endpoint serves is 404 and a path served with other methods
    /// 405, for anyone (nothing is revealed that the API description does not say), rather than a
    /// sign-in challenge on an endpoint that does not exist. Real routes are never touched.
    /// </summary>
    public static WebApplication UseApiAnswers(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (!IsApi(context.Request.Path))
            {
                await next(context);
                return;
            }

            var endpoint = context.GetEndpoint();
            if (endpoint is null)
            {
                await WriteAsync(context, StatusCodes.Status404NotFound);
                return;
            }

            if (endpoint.DisplayName == MethodNotAllowedEndpoint && endpoint.RequestDelegate is { } reject)
            {
                // Routing's own endpoint sets 405 and the Allow header; the body is ours.
                await reject(context);
                await WriteAsync(context, StatusCodes.Status405MethodNotAllowed);
                return;
            }

            await next(context);
        });
        return app;
    }

    /// <summary>
    /// Bodiless error statuses: pages show the not-found page (re-executed), APIs get problem
    /// details (or Open311's error list).
    /// </summary>
    public static WebApplication UseTwinStatusCodePages(this WebApplication app)
    {
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.Use(async (context, next) =>
        {
            if (!IsApi(context.Request.Path))
            {
                await next(context);
                return;
            }

            if (context.Features.Get<IStatusCodePagesFeature>() is { } pages)
            {
                pages.Enabled = false;
            }

            await next(context);
            var response = context.Response;
            if (!response.HasStarted && response.StatusCode is >= 400 and < 600 && response.ContentLength is null && string.IsNullOrEmpty(response.ContentType))
            {
                await WriteAsync(context, response.StatusCode);
            }
        });
        return app;
    }

    /// <summary>The display name ASP.NET Core's routing gives the endpoint it picks for a path served only with other methods.</summary>
    private const string MethodNotAllowedEndpoint = "405 HTTP Method Not Supported";

    private static string Detail(HttpContext context, int status) => status switch
    {
        404 => $"No API answers {context.Request.Method} {context.Request.Path}; the API description is at /openapi/v1.json.",
        405 => $"{context.Request.Path} does not take {context.Request.Method}; it takes {context.Response.Headers.Allow}.",
        401 => "Sign in first (a session), or send the API key this API takes.",
        403 => "This account may not use this API.",
        _ => $"The request to {context.Request.Path} failed.",
    };

    private static string Title(int status) => status switch
    {
        401 => "Authentication required.",
        403 => "Forbidden.",
        404 => "Not found.",
        405 => "Method not allowed.",
        _ => "The request failed.",
    };
}

/// <summary>
/// An API whose standard defines its own error body (Open311's list of <c>{code, description}</c>):
/// registered by that API, so that this folder needs none of them.
/// </summary>
public interface IApiErrorFormat
{
    bool Answers(PathString path);

    Task WriteAsync(HttpContext context, int status, string detail);
}
