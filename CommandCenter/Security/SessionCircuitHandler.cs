using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace CommandCenter.Security;

/// <summary>Counts what a person does on a live page as activity for the idle timeout (HTTP requests are rare there).</summary>
public sealed class SessionCircuitHandler(AuthenticationStateProvider state) : CircuitHandler
{
    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        async context =>
        {
            if (state is SessionAuthenticationStateProvider sessions)
            {
                await sessions.TouchAsync();
            }

            await next(context);
        };
}
