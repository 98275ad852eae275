using CommandCenter.Audit;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace CommandCenter.Security;

/// <summary>
/// The address and user agent of a live page's client, for audit entries made inside a circuit
/// (where no request is at hand): read from the circuit's connection when it comes up.
/// </summary>
public sealed class ClientOrigin
{
    public AuditOrigin Current { get; internal set; } = AuditOrigin.None;
}

/// <summary>Captures <see cref="ClientOrigin"/> from the circuit's connection.</summary>
public sealed class ClientOriginCircuitHandler(ClientOrigin origin, IHttpContextAccessor http) : CircuitHandler
{
    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        if (http.HttpContext is { } context)
        {
            origin.Current = AuditOrigin.Of(context);
        }

        return Task.CompletedTask;
    }
}
