using CommandCenter.Audit;
using CommandCenter.Configuration;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Twin.Data.Accounts;
using Twin.Data.Audit;
using Twin.Data.Boundary;
using Twin.Data.Store;

namespace CommandCenter.Security;

/// <summary>
/// On start-up, once the store is migrated: the roles exist; the first admin exists (password from
/// configuration, or a generated one-time password printed once to the console); the configured
/// wall token is registered; and the wall's pairing URL is printed in Development. Nothing here
/// is a default password: none is in the repository.
/// </summary>
public sealed class SecurityBootstrap(
    TwinReadiness readiness,
    ITwinOrganisations organisations,
    IServiceScopeFactory scopes,
    IOptions<SecurityOptions> options,
    IHostEnvironment environment,
    AuditTrail audit,
    TimeProvider time,
    Microsoft.AspNetCore.Hosting.Server.IServer server,
    ILogger<SecurityBootstrap> logger)
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when accounts are ready for sign-in.</summary>
    public Task Ready => _done.Task;

    /// <summary>Starts the work once the store is ready; <see cref="Ready"/> tells when it is done.</summary>
    public void Begin()
    {
        _ = Task.Run(async () =>
        {
            try
            {
                await readiness.Ready;
                await RunAsync();
                _done.TrySetResult();
            }
            catch (Exception e)
            {
                logger.LogError(e, "Security bootstrap failed.");
                _done.TrySetException(e);
            }
        }, CancellationToken.None);
    }

    private async Task RunAsync()
    {
        await using var scope = scopes.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All.Where(r => r != Roles.Wall))
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        var o = options.Value;
        audit.Record(new AuditEntry(time.GetUtcNow(), "system", AuditActions.Configuration, environment.EnvironmentName, AuditOutcome.Success,
            $"idle={o.IdleTimeoutMinutes}min absolute={o.AbsoluteTimeoutHours}h lockout={o.MaxFailedLogins}x{o.LockoutMinutes}min " +
            $"login-rate={o.LoginAttemptsPerMinute}/min audit-retention={o.AuditRetentionDays}d origins={string.Join("|", o.AllowedOrigins)}", null, null));
        var users = scope.ServiceProvider.GetRequiredService<TwinUserManager>();
        if (!await users.Users.AnyAsync())
        {
            var generated = string.IsNullOrEmpty(o.BootstrapAdmin.Password);
            var password = generated ? PasswordRules.Generate() : o.BootstrapAdmin.Password!;
            var admin = new TwinUser { UserName = o.BootstrapAdmin.UserName, DisplayName = "系统管理员", MustChangePassword = generated, CreatedAt = time.GetUtcNow() };
            await audit.ChangeAsync(scope.ServiceProvider.GetRequiredService<TwinDbContext>(), async () =>
            {
                var created = await users.CreateAsync(admin, password);
                if (!created.Succeeded)
                {
                    throw new InvalidOperationException("The bootstrap admin could not be created: " + string.Join(" ", created.Errors.Select(e => e.Description)));
                }

                await users.AddToRoleAsync(admin, Roles.Admin);
                return (true, new AuditEntry(time.GetUtcNow(), "system", AuditActions.AccountCreated, admin.UserName, AuditOutcome.Success,
                    generated ? "bootstrap admin, one-time password" : "bootstrap admin from configuration", null, null));
            });
            if (generated)
            {
                // The console, not the log pipeline: a one-time secret should not land in log storage.
                Console.WriteLine($"""

                    ==== CityOps Twin: first run ====
                    管理员 admin account: {admin.UserName}
                    一次性密码 one-time password: {password}
                    (must be changed at first login: /account/login)
                    =================================

                    """);
            }
        }

        await organisations.SynchroniseAsync();
        await SeedAccountsAsync(users, scope.ServiceProvider.GetRequiredService<TwinDbContext>(), o);
        var contexts = scope.ServiceProvider.GetRequiredService<IDbContextFactory<TwinDbContext>>();
        await RegisterWallAsync(contexts, o);
    }

    /// <summary>
    /// Development's known accounts (<see cref="SecurityOptions.SeededAccounts"/>), each created once
    /// and audited with it; an existing account is left as it is (its password may have been changed).
    /// </summary>
    private async Task SeedAccountsAsync(TwinUserManager users, TwinDbContext db, SecurityOptions o)
    {
        foreach (var seeded in o.SeededAccounts)
        {
            if (await users.FindByNameAsync(seeded.UserName) is not null)
            {
                continue;
            }

            var organisation = organisations.Find(seeded.Organisation)
                ?? throw new InvalidOperationException($"{SecurityOptions.SeededAccountsKey}: '{seeded.UserName}' names no known organisation '{seeded.Organisation}'.");
            var user = new TwinUser
            {
                UserName = seeded.UserName,
                DisplayName = string.IsNullOrWhiteSpace(seeded.DisplayName) ? seeded.UserName : seeded.DisplayName,
                OrganisationId = organisation.Id,
                CreatedAt = time.GetUtcNow(),
            };
            await audit.ChangeAsync(db, async () =>
            {
                var created = await users.CreateAsync(user, seeded.Password);
                if (!created.Succeeded)
                {
                    throw new InvalidOperationException($"The seeded account '{seeded.UserName}' could not be created: " + string.Join(" ", created.Errors.Select(e => e.Description)));
                }

                await users.AddToRoleAsync(user, seeded.Role);
                return (true, new AuditEntry(time.GetUtcNow(), "system", AuditActions.AccountCreated, user.UserName, AuditOutcome.Success,
                    $"seeded ({environment.EnvironmentName}): {seeded.Role} of {organisation.Id}", null, null));
            });
        }
    }

    private string BaseAddress() =>
        server.Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()?.Addresses.FirstOrDefault() is { } address
            ? address.TrimEnd('/') + "/"
            : "/";

    private async Task RegisterWallAsync(IDbContextFactory<TwinDbContext> contexts, SecurityOptions o)
    {
        if (string.IsNullOrWhiteSpace(o.WallToken))
        {
            if (environment.IsDevelopment())
            {
                await PrintDevelopmentLinkAsync(contexts, o);
            }

            return;
        }

        await using var db = await contexts.CreateDbContextAsync();
        var hash = AccountService.HashToken(o.WallToken);
        if (!await db.WallDevices.AnyAsync(d => d.TokenHash == hash))
        {
            await audit.ChangeAsync(db, async () =>
            {
                var device = await AccountAdministration.RegisterDeviceAsync(db, "配置的大屏 configured wall", o.WallToken, "system", time.GetUtcNow());
                return (true, new AuditEntry(time.GetUtcNow(), "system", AuditActions.WallTokenIssued, device.Id, AuditOutcome.Success, device.Name, null, null));
            });
        }
    }

    /// <summary>
    /// Development without a configured token: until a wall has paired, every start prints a fresh
    /// pairing link (single-use, valid <see cref="SecurityOptions.PairingLinkMinutes"/>), so that the
    /// README's run command opens onto a working wall. The unpaired device of an earlier start gets
    /// the new link rather than a second device being registered.
    /// </summary>
    private async Task PrintDevelopmentLinkAsync(IDbContextFactory<TwinDbContext> contexts, SecurityOptions o)
    {
        await using var db = await contexts.CreateDbContextAsync();
        if (await db.WallDevices.AnyAsync(d => d.RevokedAt == null && d.TokenHash.StartsWith(AccountService.SpentLinkPrefix)))
        {
            return;
        }

        var token = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));
        var now = time.GetUtcNow();
        await audit.ChangeAsync(db, async () =>
        {
            var device = await db.WallDevices.FirstOrDefaultAsync(d => d.RevokedAt == null && d.IssuedBy == "system");
            if (device is null)
            {
                device = await AccountAdministration.RegisterDeviceAsync(db, DevelopmentWallName, token, "system", now);
            }
            else
            {
                device.TokenHash = AccountService.HashToken(token);
                device.IssuedAt = now;
                await db.SaveChangesAsync();
            }

            return (true, new AuditEntry(now, "system", AuditActions.WallTokenIssued, device.Id, AuditOutcome.Success, device.Name, null, null));
        });
        Console.WriteLine($"""

            ==== CityOps Twin: wall pairing (Development) ====
            Open on the wall display: {BaseAddress()}wall/pair?token={token}
            (pairs one browser, within {o.PairingLinkMinutes} minutes; a new link is printed at each start until a wall has paired)
            ==================================================

            """);
    }

    private const string DevelopmentWallName = "开发大屏 development wall";
}

/// <summary>Runs <see cref="SecurityBootstrap"/> when the host starts.</summary>
public sealed class SecurityBootstrapService(SecurityBootstrap bootstrap) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        bootstrap.Begin();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary><c>/healthz</c>: the accounts and wall devices from configuration are ready for sign-in and pairing.</summary>
public sealed class SecurityHealthCheck(SecurityBootstrap bootstrap) : Microsoft.Extensions.Diagnostics.HealthChecks.IHealthCheck
{
    public Task<Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult> CheckHealthAsync(
        Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(bootstrap.Ready.Status switch
        {
            TaskStatus.RanToCompletion => Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Healthy("Accounts and wall devices ready."),
            TaskStatus.Faulted => Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Unhealthy("The security bootstrap failed.", bootstrap.Ready.Exception),
            _ => Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Unhealthy("Accounts and wall devices are still being prepared."),
        });
}
