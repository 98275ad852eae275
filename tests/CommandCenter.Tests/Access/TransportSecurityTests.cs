using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CommandCenter.Security;
using CommandCenter.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CommandCenter.Tests.Access;

/// <summary>
/// Deployment-dependent protections: behind a configured TLS proxy the cookies are Secure and HSTS
/// is sent (and only then), and the Data Protection keys rest encrypted with a configured
/// certificate, with a start-up warning in Production when there is none.
/// </summary>
public sealed class TransportSecurityTests
{
    [Fact]
    public async Task Behind_a_known_tls_proxy_cookies_are_secure_and_hsts_is_sent_and_the_missing_key_certificate_is_warned_about()
    {
        var logs = new CapturingLoggerProvider();
        await using var app = new ClockedApp(b => Production(b, logs).UseSetting("Twin:Security:KnownProxies:0", "127.0.0.1"));

        var response = await GetThroughProxyAsync(app);

        Assert.True(response.Headers.Contains("Strict-Transport-Security"));
        Assert.All(response.Headers.GetValues("Set-Cookie"), cookie => Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase));
        Assert.Contains(logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains(TransportSecurity.KeyCertificateKey, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_configured_proxies_nobody_can_claim_https_with_a_header()
    {
        await using var app = new ClockedApp(b => Production(b, new CapturingLoggerProvider()));

        var response = await GetThroughProxyAsync(app);

        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
        Assert.All(response.Headers.GetValues("Set-Cookie"), cookie => Assert.DoesNotContain("secure", cookie, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task With_a_key_certificate_the_data_protection_keys_rest_encrypted()
    {
        var folder = Directory.CreateTempSubdirectory("cityops-dp-cert-").FullName;
        try
        {
            using var rsa = RSA.Create(2048);
            using var certificate = new CertificateRequest("CN=cityops-twin-keys", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
                .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            var pfx = Path.Combine(folder, "keys.pfx");
            await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pkcs12, "pfx-passw0rd"));
            var keys = Path.Combine(folder, "keys");
            await using (var app = new ClockedApp(b => b.UseSetting("Twin:Security:KeyDirectory", keys)
                .UseSetting(TransportSecurity.KeyCertificateKey, pfx).UseSetting(TransportSecurity.KeyCertificatePasswordKey, "pfx-passw0rd")))
            {
                using var admin = await app.SignInAsync(Roles.Admin);
                Assert.Equal(HttpStatusCode.OK, (await admin.Client.GetAsync("/admin/users")).StatusCode);
            }

            var files = Directory.GetFiles(keys, "*.xml");
            Assert.NotEmpty(files);
            Assert.All(files, file =>
            {
                var xml = File.ReadAllText(file);
                Assert.Contains("encryptedSecret", xml);
                Assert.DoesNotContain("<value>", xml);
            });
        }
        finally
        {
            Ingestion.IngestionApp.DeleteFolder(folder);
        }
    }

    private static IWebHostBuilder Production(IWebHostBuilder builder, CapturingLoggerProvider logs)
    {
        builder.UseEnvironment("Production");
        builder.ConfigureLogging(l => l.AddProvider(logs));
        // The test server leaves the peer's address empty; a real proxy connects from loopback here.
        builder.ConfigureServices(s => s.AddTransient<IStartupFilter, LoopbackPeer>());
        return builder;
    }

    private static async Task<HttpResponseMessage> GetThroughProxyAsync(ClockedApp app)
    {
        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, AccountEndpoints.LoginPath);
        request.Headers.Host = "twin.putuo.example";
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response;
    }

    private sealed class LoopbackPeer : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress ??= IPAddress.Loopback;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
