using System.Net;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;

namespace CommandCenter.Security;

/// <summary>
/// What depends on how the app is deployed: behind a TLS-terminating proxy (forwarded headers, so
/// that cookies are <c>Secure</c> and HSTS is sent), and where the Data Protection keys rest.
/// </summary>
public static class TransportSecurity
{
    public const string KnownProxiesKey = "Twin:Security:KnownProxies";
    public const string KeyCertificateKey = "Twin:Security:KeyCertificate";
    public const string KeyCertificatePasswordKey = "Twin:Security:KeyCertificatePassword";

    /// <summary>
    /// Trusts <c>X-Forwarded-For</c>/<c>-Proto</c> only from the configured proxies (addresses or
    /// CIDR networks): the proxy's https becomes the request's, so the session and antiforgery
    /// cookies (<c>SameAsRequest</c>) are <c>Secure</c> and HSTS is sent, and the audit log records
    /// the client's address rather than the proxy's.
    /// </summary>
    public static IServiceCollection AddTwinForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = configuration.GetSection(KnownProxiesKey).Get<string[]>() ?? [];
        if (proxies.FirstOrDefault(p => !IPAddress.TryParse(p, out _) && !System.Net.IPNetwork.TryParse(p, out _)) is { } wrong)
        {
            throw new InvalidOperationException($"{KnownProxiesKey}: '{wrong}' is neither an IP address nor a CIDR network (e.g. 10.0.0.5 or 10.0.0.0/24).");
        }

        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
            {
                if (proxy.Contains('/', StringComparison.Ordinal))
                {
                    o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(proxy));
                }
                else
                {
                    o.KnownProxies.Add(IPAddress.Parse(proxy));
                }
            }
        });
        // Antiforgery's cookie is never Secure by default; like the session cookie it follows the request.
        services.Configure<Microsoft.AspNetCore.Antiforgery.AntiforgeryOptions>(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        return services;
    }

    /// <summary>Forwarded headers are read only when proxies are configured; otherwise nobody may claim https for a request.</summary>
    public static WebApplication UseTwinForwardedHeaders(this WebApplication app)
    {
        if (app.Configuration.GetSection(KnownProxiesKey).Get<string[]>() is { Length: > 0 })
        {
            app.UseForwardedHeaders();
        }

        return app;
    }

    /// <summary>
    /// Encrypts the Data Protection keys at rest with the certificate in <c>Twin:Security:KeyCertificate</c>
    /// (a PKCS#12 file with its private key); on Linux nothing else encrypts them (no DPAPI).
    /// </summary>
    public static void ProtectKeysAtRest(IDataProtectionBuilder keys, IConfiguration configuration, IHostEnvironment environment)
    {
        if (configuration[KeyCertificateKey] is not { Length: > 0 } path)
        {
            return;
        }

        var certificate = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(
            Path.GetFullPath(Path.Combine(environment.ContentRootPath, path)), configuration[KeyCertificatePasswordKey]);
        keys.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
    }

    /// <summary>Says at start-up, in Production, that the keys rest unencrypted and how to change it.</summary>
    public static void WarnAboutUnprotectedKeys(WebApplication app)
    {
        if (app.Environment.IsProduction() && string.IsNullOrWhiteSpace(app.Configuration[KeyCertificateKey]))
        {
            app.Logger.LogWarning(
                "Data Protection keys are stored unencrypted: set {Setting} to a PKCS#12 certificate file so that the keys protecting contacts and sessions are encrypted at rest.",
                KeyCertificateKey);
        }
    }
}
