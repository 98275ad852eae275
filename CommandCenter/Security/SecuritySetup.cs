using CommandCenter.Api;
using CommandCenter.Audit;
using CommandCenter.Configuration;
using CommandCenter.Keys;
using CommandCenter.Officers;
using CommandCenter.Scenes;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR;
using Twin.Data.Accounts;
using Twin.Data.Audit;
using Twin.Data.Store;

namespace CommandCenter.Security;

/// <summary>Wires accounts, sessions, authorization, the officers' role check and the response headers (the audit log is <see cref="AuditSetup"/>'s).</summary>
public static class SecuritySetup
{
    public static IServiceCollection AddTwinSecurity(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<SecurityOptions>().Bind(configuration.GetSection(SecurityOptions.Section))
            .CheckedAtStart(o => OptionsChecks.Thrown(o.Validate).Concat(SecurityOptions.WallTokenProblems(o, environment))
                .Concat(SeededAccountChecks.Problems(o, environment)));

        AddTwinDataProtection(services, configuration, environment);
        services.AddTwinForwardedHeaders(configuration);
        services.AddSingleton<IContactProtector, DataProtectionPersonalData>();
        services.AddOptions<TwinStoreOptions>().PostConfigure<IContactProtector>((o, p) => o.PersonalData = p);

        services.AddIdentityCore<TwinUser>(o =>
            {
                PasswordRules.Apply(o.Password);
                o.User.RequireUniqueEmail = false;
                o.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._";
                o.Lockout.AllowedForNewUsers = true;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<TwinDbContext>()
            .AddUserManager<TwinUserManager>()
            .AddPasswordValidator<CommonPasswords>();
        // The server's name and version help nobody but a scanner.
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(o => o.AddServerHeader = false);
        services.AddOptions<IdentityOptions>().Configure<Microsoft.Extensions.Options.IOptions<SecurityOptions>>((o, s) =>
        {
            o.Lockout.MaxFailedAccessAttempts = s.Value.MaxFailedLogins;
            o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(s.Value.LockoutMinutes);
        });

        services.AddAuthentication(AccountService.Scheme).AddCookie(AccountService.Scheme, o =>
        {
            o.Cookie.Name = "cityops.session";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.LoginPath = AccountEndpoints.LoginPath;
            o.AccessDeniedPath = AccountEndpoints.DeniedPath;
            o.ReturnUrlParameter = "returnUrl";
            o.SlidingExpiration = false;
            o.Events.OnValidatePrincipal = ValidateSessionAsync;
            o.Events.OnRedirectToLogin = context => Refuse(context, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => Refuse(context, StatusCodes.Status403Forbidden);
        });
        services.AddOptions<CookieAuthenticationOptions>(AccountService.Scheme).Configure<TimeProvider>((o, time) => o.TimeProvider = time);

        services.AddAuthorization(ConfigurePolicies);
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, AuditingAuthorizationResultHandler>();
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, SessionAuthenticationStateProvider>();
        services.AddHttpContextAccessor();
        services.AddScoped<ClientOrigin>();
        services.AddScoped<CircuitHandler, ClientOriginCircuitHandler>();
        services.AddSingleton<HubAuthorizationFilter>();
        services.Configure<HubOptions>(o => o.AddFilter<HubAuthorizationFilter>());

        services.AddSingleton<SessionStore>();
        services.AddSingleton<WallOrganisationChanges>();
        services.AddHostedService<WallMovesAcrossNodes>();
        services.AddSingleton<LoginThrottle>();
        services.AddScoped<AccountService>();
        services.AddScoped<AccountAdministration>();
        services.AddScoped<SensorLevelAdministration>();
        services.AddScoped<ContactRevealService>();
        services.AddSingleton<SignedInScope>();
        services.AddScoped<SignedInOfficer>();
        services.AddScoped<IOfficerIdentity>(sp => sp.GetRequiredService<SignedInOfficer>());
        services.AddScoped<IOfficerCommands, OfficerCommands>();
        services.AddScoped<IEmergencyCommands, EmergencyCommands>();
        services.AddScoped<IWallPresenter, WallPresenterCommands>();
        services.AddSingleton<SecurityBootstrap>();
        services.AddHostedService<SecurityBootstrapService>();
        services.AddHealthChecks().AddCheck<SecurityHealthCheck>("security");
        return services;
    }

    /// <summary>
    /// On PostgreSQL the keys live in the shared database (<see cref="PostgresKeyStore"/>), so every
    /// node reads every other's cookies and contacts; on SQLite in <c>Twin:Security:KeyDirectory</c>
    /// when set (else ASP.NET's per-user folder). Either way the cookie, the stored reporters'
    /// contacts and the generated audit key stay readable across restarts.
    /// </summary>
    private static IDataProtectionBuilder AddTwinDataProtection(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var keys = services.AddDataProtection().SetApplicationName("CityOps.Twin");
        if (PostgresKeyStore.From(configuration) is { } shared)
        {
            if (environment.IsProduction() && string.IsNullOrWhiteSpace(configuration[TransportSecurity.KeyCertificateKey]))
            {
                // Whoever reads the database (a backup, a replica, a DBA) must not read the keys that decrypt its contacts.
                throw new InvalidOperationException(
                    $"In Production on PostgreSQL the Data Protection keys are kept in the database: {TransportSecurity.KeyCertificateKey} must name a " +
                    "PKCS#12 certificate (the same on every node) that encrypts them there.");
            }

            services.AddSingleton(shared);
            services.Configure<KeyManagementOptions>(o => o.XmlRepository = shared);
            TransportSecurity.ProtectKeysAtRest(keys, configuration, environment);
            return keys;
        }

        var keyDirectory = configuration[KeyDirectoryKey];
        if (string.IsNullOrWhiteSpace(keyDirectory) && environment.IsProduction())
        {
            // The keys decrypt reporters' contacts, the generated audit key and every session: in a
            // home folder a new container or a reinstalled account loses them, and the data with them.
            throw new InvalidOperationException(
                $"In Production {KeyDirectoryKey} must name a persistent folder for the Data Protection keys (e.g. /var/lib/cityops-twin/keys, " +
                $"a volume in a container, kept with the database's backups); without it the keys would live in the account's home folder " +
                "and be lost with it, leaving stored contacts unreadable.");
        }

        if (!string.IsNullOrWhiteSpace(keyDirectory))
        {
            var directory = Path.GetFullPath(Path.Combine(environment.ContentRootPath, keyDirectory));
            PrivateFiles.CreateDirectory(directory);
            keys.PersistKeysToFileSystem(new DirectoryInfo(directory));
        }

        TransportSecurity.ProtectKeysAtRest(keys, configuration, environment);

        return keys;
    }

    public const string KeyDirectoryKey = "Twin:Security:KeyDirectory";

    /// <summary>The app's Data Protection outside the web host (the <c>audit verify</c> command), with the same keys.</summary>
    public static IDataProtectionProvider DataProtectionFor(IConfiguration configuration, IHostEnvironment environment)
    {
        var services = new ServiceCollection();
        AddTwinDataProtection(services, configuration, environment);
        return services.BuildServiceProvider().GetRequiredService<IDataProtectionProvider>();
    }

    /// <summary>One policy per kind of use (<see cref="Policies"/>; the ingestion setup adds the API-key policy it checks); a one-time password allows nothing but changing it.</summary>
    public static void ConfigurePolicies(AuthorizationOptions o)
    {
        foreach (var (name, roles) in Policies.RolesOf)
        {
            o.AddPolicy(name, p => p.RequireAuthenticatedUser().RequireRole(roles).RequireAssertion(c => !c.User.HasClaim(c => c.Type == AccountService.MustChangeClaim)));
        }

        o.AddPolicy(Policies.SignedIn, p => p.RequireAuthenticatedUser());

        // A page or API that names no policy still needs a signed-in user who has set a password.
        o.FallbackPolicy = o.DefaultPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser()
            .RequireAssertion(c => !c.User.HasClaim(c => c.Type == AccountService.MustChangeClaim)).Build();
    }

    /// <summary>
    /// Headers and the origin check first (they apply to every response), then the APIs' answers
    /// for routes nobody serves (before a sign-in challenge could answer them), then who is who and
    /// what they may do.
    /// </summary>
    public static WebApplication UseTwinSecurity(this WebApplication app)
    {
        TransportSecurity.WarnAboutUnprotectedKeys(app);
        app.UseMiddleware<SecurityHeaders>();
        app.UseApiAnswers();
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    private static async Task ValidateSessionAsync(CookieValidatePrincipalContext context)
    {
        var sid = context.Principal?.FindFirst(TwinClaims.SessionId)?.Value;
        var sessions = context.HttpContext.RequestServices.GetRequiredService<SessionStore>();
        var end = sid is null ? SessionEnd.Unknown : await sessions.CheckAsync(sid, activity: true);
        if (end == SessionEnd.None)
        {
            return;
        }

        context.RejectPrincipal();
        context.HttpContext.Items[EndedSessionItem] = end;
        await context.HttpContext.SignOutAsync(AccountService.Scheme);
        context.HttpContext.RequestServices.GetRequiredService<AuditTrail>().Record(context.Principal, AuditActions.SessionEnded,
            context.Principal?.Identity?.Name, AuditOutcome.Success, end.ToString(), AuditOrigin.Of(context.HttpContext));
    }

    /// <summary>Pages are redirected (to login, or to change a one-time password); APIs, hubs and the audit export get problem details.</summary>
    private static Task Refuse(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        var path = context.Request.Path;
        if (ApiAnswers.IsApi(path) || path.StartsWithSegments("/admin/audit/export.csv"))
        {
            return ApiAnswers.WriteAsync(context.HttpContext, status);
        }

        if (status == StatusCodes.Status403Forbidden && context.HttpContext.User.HasClaim(c => c.Type == AccountService.MustChangeClaim))
        {
            context.Response.Redirect(AccountEndpoints.PasswordPath + "?returnUrl=" + Uri.EscapeDataString(context.Request.Path + context.Request.QueryString));
            return Task.CompletedTask;
        }

        // A session that just ended on this request (idle, 12 hours, ended elsewhere): the sign-in page says so.
        var redirect = context.RedirectUri;
        if (status == StatusCodes.Status401Unauthorized && context.HttpContext.Items[EndedSessionItem] is SessionEnd end && AccountEndpoints.ErrorCode(end) is { } error)
        {
            redirect += "&error=" + error + (string.Equals(context.Request.Query["lang"], "en", StringComparison.OrdinalIgnoreCase) ? "&lang=en" : "");
        }

        context.Response.Redirect(redirect);
        return Task.CompletedTask;
    }

    private const string EndedSessionItem = "CityOps.Twin.EndedSession";
}

/// <summary>Reporters' names and phones encrypted with ASP.NET Data Protection before they reach the database.</summary>
public sealed class DataProtectionPersonalData(IDataProtectionProvider provider) : IContactProtector
{
    private readonly IDataProtector _protector = provider.CreateProtector("CityOps.Twin.ReporterContact.v1");

    public string? Protect(string? value) => value is null ? null : _protector.Protect(value);

    public string? Unprotect(string? stored)
    {
        if (stored is null)
        {
            return null;
        }

        try
        {
            return _protector.Unprotect(stored);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            // Written before encryption was introduced (or under lost keys): shown as unreadable, never guessed.
            return "（无法解密 · unreadable）";
        }
    }
}
