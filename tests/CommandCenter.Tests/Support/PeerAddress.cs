using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace CommandCenter.Tests.Support;

/// <summary>
/// The test server leaves the peer's address empty; this puts one there (read per request, so a
/// test can change it), as a real connection from that address would.
/// </summary>
public sealed class PeerAddress(Func<IPAddress> address) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            context.Connection.RemoteIpAddress = address();
            return nextMiddleware(context);
        });
        next(app);
    };
}
