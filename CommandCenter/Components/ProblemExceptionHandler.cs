using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace CommandCenter.Components;

/// <summary>
/// Outside Development, an unhandled exception in an API, form post or hub negotiation answers RFC
/// 9457 problem details (500, a fixed text, nothing of the exception); only a browser asking for a
/// page gets the /Error page. Either way the response passes the security headers' OnStarting
/// hook, which the exception handler keeps when it clears the failed response.
/// </summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var request = httpContext.Request;
        if ((HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) && request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        logger.LogError(exception, "Unhandled exception on {Method} {Path}.", request.Method, request.Path.Value);
        httpContext.Response.StatusCode = StatusCodes.Status500InternalServerError;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = "服务器内部错误 · Internal server error",
                Detail = "The request failed on the server; the failure was logged.",
            },
        });
    }
}
