using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace CommandCenter.Ingestion.Common;

/// <summary>
/// The caller's connection presented an ingestion source's API key with the drones scope
/// (<c>X-Api-Key</c> when it connected): what a machine writing data proves, which no person's
/// role stands in for.
/// </summary>
public sealed class IngestionKeyRequirement : IAuthorizationRequirement;

/// <summary>Checks <see cref="IngestionKeyRequirement"/> against the HTTP request that opened the connection.</summary>
public sealed class IngestionKeyHandler(IOptionsMonitor<IngestionOptions> options) : AuthorizationHandler<IngestionKeyRequirement, HttpContext>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, IngestionKeyRequirement requirement, HttpContext resource)
    {
        if (IngestRequest.SourceOf(resource.Request.Headers["X-Api-Key"].FirstOrDefault(), options.CurrentValue.Sources) is { } source &&
            source.May(IngestScopes.Drones))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
