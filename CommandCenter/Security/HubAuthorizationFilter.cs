using System.Reflection;
using CommandCenter.Audit;
using CommandCenter.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.SignalR;
using Twin.Data.Audit;

namespace CommandCenter.Security;

/// <summary>The policy a hub method needs, beyond the hub's own; checked and audited by <see cref="HubAuthorizationFilter"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class HubPolicyAttribute(string policy) : Attribute
{
    public string Policy { get; } = policy;
}

/// <summary>
/// Authorises each hub method call. SignalR's own per-method [Authorize] refuses before filters
/// run, where nothing could audit it; this filter does both. A method without
/// <see cref="HubPolicyAttribute"/> is refused: new methods are closed until someone decides who may call them.
/// The framework's own hubs (Blazor's circuit hub) are left to the framework.
/// </summary>
public sealed class HubAuthorizationFilter(IAuthorizationService authorization, AuditTrail audit) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocation, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        if (invocation.Hub.GetType().Assembly != typeof(HubAuthorizationFilter).Assembly)
        {
            return await next(invocation);
        }

        var user = invocation.Context.User;
        var http = invocation.Context.GetHttpContext();
        var policy = invocation.HubMethod.GetCustomAttribute<HubPolicyAttribute>()?.Policy;
        // The connection's HTTP request is the resource: a policy may ask what it presented (an ingestion key).
        var allowed = policy is not null && user is not null && (await authorization.AuthorizeAsync(user, http, policy)).Succeeded;
        if (!allowed)
        {
            audit.Record(user, AuditActions.Forbidden, $"{invocation.Hub.GetType().Name}.{invocation.HubMethodName}", AuditOutcome.Denied,
                "hub method", http is null ? AuditOrigin.None : AuditOrigin.Of(http));
            throw new HubException(NotAllowed(http));
        }

        return await next(invocation);
    }

    /// <summary>The refusal in the language of the page that opened the connection (its <c>?lang=</c> or cookie; Chinese by default).</summary>
    public static string NotAllowed(HttpContext? http) =>
        http?.Features.Get<IRequestCultureFeature>()?.RequestCulture.UICulture.TwoLetterISOLanguageName == Language.EnglishCode
            ? "Not allowed."
            : "无权执行此操作";
}
