using CommandCenter.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Twin.Data.Audit;

namespace CommandCenter.Security;

/// <summary>
/// Audits every request the authorization middleware refuses (pages, APIs, hub connections),
/// then answers as usual: a redirect to login or to the access-denied page for pages, 401/403
/// for APIs and hubs.
/// </summary>
public sealed class AuditingAuthorizationResultHandler(AuditTrail audit) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult result)
    {
        if (result.Challenged || result.Forbidden)
        {
            var action = result.Forbidden ? AuditActions.Forbidden : AuditActions.Challenged;
            audit.Record(context.User, action, context.Request.Path.Value, AuditOutcome.Denied, context.Request.Method, AuditOrigin.Of(context));
        }

        await _default.HandleAsync(next, context, policy, result);
    }
}
