using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Twin.Data.Nodes;

namespace CommandCenter.Components;

/// <summary>
/// Outside Development, an unhandled exception in an API, form post or hub negotiation answers RFC
/// 9457 problem details (500, a fixed text, nothing of the exception); only a browser asking for a
/// page gets the /Error page. Either way the response passes the security headers' OnStarting
/// hook, which the exception handler keeps when it clears the failed response. A request a follower
/// node could not get committed by the writer in time answers 503 (docs/two-nodes.md).
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

        if (exception is WriterUnavailableException unavailable)
        {
            return await WriterUnavailableAsync(httpContext, unavailable);
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

    /// <summary>
    /// A follower node handed the request to the writer, which did not commit it in time (a
    /// failover under way): nothing is confirmed, and the request may still be applied, so the
    /// answer says to retry with the same idempotency key rather than that it failed.
    /// </summary>
    private async ValueTask<bool> WriterUnavailableAsync(HttpContext httpContext, WriterUnavailableException exception)
    {
        logger.LogWarning("The writer did not answer a handed-over {Method} {Path} within {Seconds} s.", httpContext.Request.Method, httpContext.Request.Path.Value, exception.Waited.TotalSeconds);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = "5";
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "写入节点暂不可用 · The writer is not answering",
                Detail = "Not confirmed: the writer did not commit this request in time (it may be changing over to another node). "
                    + "It may still be applied; retry with the same idempotency key.",
            },
        });
    }
}
