using System.Net;
using CommandCenter.Audit;
using CommandCenter.Security;
using CommandCenter.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Twin.Data.Audit;

namespace CommandCenter.Tests.Access;

/// <summary>
/// Behind nginx every connection comes from the proxy. With the proxy configured as known, the
/// audit log records the client's address from <c>X-Forwarded-For</c>; without it, the header is
/// anybody's claim and the connection's own address is recorded.
/// </summary>
public sealed class ForwardedHeadersTests
{
    private const string Client = "203.0.113.7";

    [Theory]
    [InlineData(true, Client)]
    [InlineData(false, "127.0.0.1")]
    public async Task The_audit_log_records_the_client_address_only_through_a_known_proxy(bool proxyKnown, string recorded)
    {
        await using var app = new ClockedApp(b =>
        {
            b.ConfigureServices(s => s.AddSingleton<IStartupFilter>(new PeerAddress(() => IPAddress.Loopback)));
            if (proxyKnown)
            {
                b.UseSetting("Twin:Security:KnownProxies:0", "127.0.0.1");
            }
        });
        await app.Services.GetRequiredService<SecurityBootstrap>().Ready.WaitAsync(TimeSpan.FromSeconds(60));
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        client.DefaultRequestHeaders.Add("X-Forwarded-For", Client);

        var login = await TestAccounts.PostLoginAsync(client, "admin", "not-the-password-1");

        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var audit = app.Services.GetRequiredService<AuditTrail>();
        await audit.FlushAsync();
        var failed = Assert.Single(await audit.Log.QueryAsync(new AuditQuery(ActionPrefix: AuditActions.LoginFailed, Limit: 10)));
        Assert.Equal(recorded, failed.Entry.Ip);
    }
}
