using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using CommandCenter.Audit;
using CommandCenter.Configuration;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using Twin.Data.Accounts;
using Twin.Data.Audit;
using Twin.Data.Store;

namespace CommandCenter.Security;

public enum LoginOutcome
{
    SignedIn,
    MustChangePassword,
    Invalid,
    LockedOut,
    Throttled,
}

/// <summary>
/// Signing in and out: people with a password (lockout, throttle, one-time passwords), walls with a
/// device token. Every attempt is audited; the password itself never is.
/// </summary>
public sealed class AccountService(
    TwinUserManager users,
    TwinDbContext db,
    SessionStore sessions,
    LoginThrottle throttle,
    AuditTrail audit,
    IDbContextFactory<TwinDbContext> contexts,
    TimeProvider time,
    Microsoft.Extensions.Options.IOptionsMonitor<SecurityOptions> options)
{
    public const string Scheme = CookieAuthenticationDefaults.AuthenticationScheme;
    public const string MustChangeClaim = "twin:must-change-password";

    public async Task<LoginOutcome> LoginAsync(HttpContext http, string? userName, string? password)
    {
        var origin = AuditOrigin.Of(http);
        var name = (userName ?? string.Empty).Trim();
        if (!throttle.TryAcquire(origin.Ip ?? "unknown"))
        {
            await audit.WriteAsync(audit.Entry(null, AuditActions.LoginThrottled, name, AuditOutcome.Denied, null, origin));
            return LoginOutcome.Throttled;
        }

        // Every attempt costs one password hash, whether the account exists, is locked or is
        // disabled, so that the answer's timing does not tell an attacker which accounts exist.
        var user = name.Length == 0 ? null : await users.FindByNameAsync(name);
        var passwordMatches = VerifyPassword(user, password ?? string.Empty);
        if (user is null || string.IsNullOrEmpty(password))
        {
            await audit.WriteAsync(audit.Entry(null, AuditActions.LoginFailed, name, AuditOutcome.Failure, "unknown account or empty password", origin));
            return LoginOutcome.Invalid;
        }

        if (await users.IsLockedOutAsync(user))
        {
            await audit.WriteAsync(audit.Entry(null, AuditActions.LoginLockedOut, user.UserName, AuditOutcome.Denied, "account locked", origin));
            return LoginOutcome.LockedOut;
        }

        if (user.Disabled || !passwordMatches)
        {
            // The failure count (and a lockout it reaches) is an account change: written with its audit row.
            var locked = await audit.ChangeAsync(db, async () =>
            {
                await users.AccessFailedAsync(user);
                var locked = await users.IsLockedOutAsync(user);
                return (locked, audit.Entry(null, locked ? AuditActions.LoginLockedOut : AuditActions.LoginFailed, user.UserName,
                    AuditOutcome.Failure, user.Disabled ? "account disabled" : locked ? "wrong password; account now locked" : "wrong password", origin));
            });
            return locked ? LoginOutcome.LockedOut : LoginOutcome.Invalid;
        }

        await users.ResetAccessFailedCountAsync(user);
        await SignInPersonAsync(http, user);
        await audit.WriteAsync(audit.Entry(null, AuditActions.LoginSucceeded, user.UserName, AuditOutcome.Success, null, origin) with { Actor = user.UserName! });
        return user.MustChangePassword ? LoginOutcome.MustChangePassword : LoginOutcome.SignedIn;
    }

    /// <summary>Checks the password against the account's hash, or against a stand-in hash when there is no account.</summary>
    private bool VerifyPassword(TwinUser? user, string password)
    {
        var hash = user?.PasswordHash ?? StandInHash.Value;
        return users.PasswordHasher.VerifyHashedPassword(user ?? StandInUser, hash, password) != Microsoft.AspNetCore.Identity.PasswordVerificationResult.Failed
            && user?.PasswordHash is not null;
    }

    private static readonly TwinUser StandInUser = new() { UserName = "stand-in" };

    // Hashed once with the same hasher and work factor as real accounts' passwords.
    private static readonly Lazy<string> StandInHash = new(() =>
        new Microsoft.AspNetCore.Identity.PasswordHasher<TwinUser>().HashPassword(StandInUser, PasswordRules.Generate()));

    public async Task LogoutAsync(HttpContext http)
    {
        if (http.User.FindFirstValue(TwinClaims.SessionId) is { } sid)
        {
            await sessions.EndAsync(sid, SessionEnd.LoggedOut);
            await audit.WriteAsync(audit.Entry(http.User, AuditActions.Logout, AuditTrail.ActorOf(http.User), AuditOutcome.Success, null, AuditOrigin.Of(http)));
        }

        await http.SignOutAsync(Scheme);
    }

    /// <summary>
    /// Changes the signed-in person's password; every session of the account ends and this one
    /// restarts with fresh claims. Returns the <see cref="PasswordRules.Messages"/> codes of what failed.
    /// </summary>
    public async Task<IReadOnlyList<string>> ChangePasswordAsync(HttpContext http, string? current, string? next)
    {
        var user = await users.GetUserAsync(http.User);
        if (user is null || http.User.FindFirstValue(TwinClaims.SessionId) is not { } sid)
        {
            return ["session"];
        }

        if (string.Equals(current, next, StringComparison.Ordinal))
        {
            return ["same"];
        }

        var failed = await audit.ChangeAsync(db, async () =>
        {
            var result = await users.ChangePasswordAsync(user, current ?? string.Empty, next ?? string.Empty);
            if (!result.Succeeded)
            {
                return (result.Errors.Select(e => e.Code).ToList(), audit.Entry(http.User, AuditActions.PasswordChanged, user.UserName, AuditOutcome.Failure,
                    string.Join(",", result.Errors.Select(e => e.Code)), AuditOrigin.Of(http)));
            }

            user.MustChangePassword = false;
            await users.UpdateAsync(user);
            return ([], audit.Entry(http.User, AuditActions.PasswordChanged, user.UserName, AuditOutcome.Success, null, AuditOrigin.Of(http)) with { Actor = user.UserName! });
        });
        if (failed.Count > 0)
        {
            return failed;
        }

        // Whoever else holds a session of this account (a stolen cookie, a forgotten terminal) is signed out too.
        await sessions.EndAllOfUserAsync(user.Id, SessionEnd.AccountChanged);
        await SignInPersonAsync(http, user);
        return [];
    }

    /// <summary>
    /// Signs a wall in with a pairing link's token: a long-lived cookie, no idle or absolute
    /// timeout. An issued link pairs one browser within <see cref="SecurityOptions.PairingLinkMinutes"/>
    /// and is spent by that use (atomically, so two browsers racing on one link cannot both pair);
    /// the cookie is then the device's credential, ended by rotating or revoking the device. The
    /// configured <see cref="SecurityOptions.WallToken"/> is a deployment's secret and is not spent.
    /// </summary>
    public async Task<bool> PairWallAsync(HttpContext http, string? token)
    {
        var origin = AuditOrigin.Of(http);
        if (string.IsNullOrWhiteSpace(token) || !throttle.TryAcquire(origin.Ip ?? "unknown"))
        {
            await audit.WriteAsync(audit.Entry(null, AuditActions.WallPairingFailed, null, AuditOutcome.Denied, "missing token or throttled", origin));
            return false;
        }

        var hash = HashToken(token);
        await using var db = await contexts.CreateDbContextAsync();
        var spentHash = SpentLinkPrefix + hash;
        var device = await db.WallDevices.AsNoTracking().FirstOrDefaultAsync(d => (d.TokenHash == hash || d.TokenHash == spentHash) && d.RevokedAt == null);
        if (device is null || device.TokenHash == spentHash)
        {
            await audit.WriteAsync(audit.Entry(null, AuditActions.WallPairingFailed, device?.Id, AuditOutcome.Denied,
                device is null ? "unknown or revoked link" : "pairing link already used", origin));
            return false;
        }

        var configured = options.CurrentValue.WallToken is { Length: > 0 } wallToken && HashToken(wallToken) == hash;
        if (!configured)
        {
            if (time.GetUtcNow() > device.IssuedAt.AddMinutes(options.CurrentValue.PairingLinkMinutes))
            {
                await audit.WriteAsync(audit.Entry(null, AuditActions.WallPairingFailed, device.Id, AuditOutcome.Denied, "pairing link expired", origin));
                return false;
            }

            var spent = await db.WallDevices.Where(d => d.Id == device.Id && d.TokenHash == hash)
                .ExecuteUpdateAsync(set => set.SetProperty(d => d.TokenHash, spentHash));
            if (spent != 1)
            {
                await audit.WriteAsync(audit.Entry(null, AuditActions.WallPairingFailed, device.Id, AuditOutcome.Denied, "pairing link already used", origin));
                return false;
            }
        }

        var sid = await sessions.StartAsync(null, device.Id);
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, "device:" + device.Id),
                new Claim(ClaimTypes.Name, "wall:" + device.Name),
                new Claim(TwinClaims.DisplayName, device.Name),
                new Claim(ClaimTypes.Role, Roles.Wall),
                new Claim(TwinClaims.Device, device.Id),
                new Claim(TwinClaims.SessionId, sid),
            ], Scheme, ClaimTypes.Name, ClaimTypes.Role);
        var now = time.GetUtcNow();
        await http.SignInAsync(Scheme, new ClaimsPrincipal(identity), new AuthenticationProperties
        {
            IsPersistent = true,
            IssuedUtc = now,
            ExpiresUtc = now.AddDays(400),
        });
        await audit.WriteAsync(audit.Entry(null, AuditActions.WallPaired, device.Id, AuditOutcome.Success, device.Name, origin) with { Actor = "wall:" + device.Name });
        return true;
    }

    /// <summary>A spent link's hash is kept behind this prefix: no token hashes to it, and start-up still knows the token was registered.</summary>
    public const string SpentLinkPrefix = "used:";

    public static string HashToken(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token.Trim())));

    private async Task SignInPersonAsync(HttpContext http, TwinUser user)
    {
        var sid = await sessions.StartAsync(user.Id, null);
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, user.Id),
            new(ClaimTypes.Name, user.UserName!),
            new(TwinClaims.DisplayName, string.IsNullOrWhiteSpace(user.DisplayName) ? user.UserName! : user.DisplayName),
            new(TwinClaims.SessionId, sid),
            new(TwinClaims.Organisation, user.OrganisationId),
        };
        claims.AddRange((await users.GetRolesAsync(user)).Select(r => new Claim(ClaimTypes.Role, r)));
        if (user.MustChangePassword)
        {
            claims.Add(new Claim(MustChangeClaim, "1"));
        }

        var now = time.GetUtcNow();
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme, ClaimTypes.Name, ClaimTypes.Role));
        await http.SignInAsync(Scheme, principal, new AuthenticationProperties
        {
            IsPersistent = false,
            IssuedUtc = now,
            ExpiresUtc = now.Add(options.CurrentValue.AbsoluteTimeout),
        });

        // The cookie counts from the next request; the login answer itself picks the person's home page from this one.
        http.User = principal;
    }
}
