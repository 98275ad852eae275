using System.Security.Claims;
using System.Security.Cryptography;
using CommandCenter.Audit;
using CommandCenter.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Twin.Data.Accounts;
using Twin.Data.Audit;
using Twin.Data.Boundary;
using Twin.Data.Store;
using Twin.Domain.Organisations;

namespace CommandCenter.Security;

public sealed record AccountView(string Id, string UserName, string DisplayName, IReadOnlyList<string> Roles, bool Disabled, bool LockedOut, bool MustChangePassword, string OrganisationId);

public sealed record WallDeviceView(string Id, string Name, DateTimeOffset IssuedAt, string IssuedBy, DateTimeOffset? RevokedAt, string OrganisationId);

/// <summary>What an admin action produced: an error to show, or a one-time secret to hand over.</summary>
public sealed record AdminResult(bool Succeeded, string? Error = null, string? OneTimeSecret = null)
{
    public static AdminResult Ok(string? secret = null) => new(true, null, secret);

    public static AdminResult Fail(string error) => new(false, error);
}

/// <summary>
/// Account and wall-device administration. Each call checks the caller holds <see cref="Policies.Administer"/>
/// (the page is authorised too; this keeps the rule where the change is made), and each change is
/// written with its audit row in one transaction (<see cref="AuditTrail.ChangeAsync"/>, through
/// <paramref name="db"/>, the context Identity's stores write through). Changing an account then
/// ends its sessions, so roles and disabling take effect at once.
/// </summary>
public sealed class AccountAdministration(
    TwinUserManager users,
    TwinDbContext db,
    SessionStore sessions,
    IAuthorizationService authorization,
    AuditTrail audit,
    IDbContextFactory<TwinDbContext> contexts,
    ITwinOrganisations organisations,
    WallOrganisationChanges wallChanges,
    TimeProvider time)
{
    // Refusals in the admin's language (the service lives in the page's circuit, which keeps its culture).
    private static string UnknownRole => Language.Current.Pick("未知角色", "Unknown role.");

    private static string NoSuchAccount => Language.Current.Pick("账号不存在", "No such account.");

    private static string OwnAccount => Language.Current.Pick("不能停用自己的账号", "You cannot disable your own account.");

    private static string NoSuchAccountOrRole => Language.Current.Pick("账号或角色不存在", "No such account or role.");

    private static string NameTheWall => Language.Current.Pick("请填写大屏名称", "Name the wall.");

    private static string NoSuchWall => Language.Current.Pick("大屏不存在", "No such wall.");

    private static string NoSuchActiveWall => Language.Current.Pick("大屏不存在或已吊销", "No such wall, or revoked.");

    private static string UnknownOrganisation => Language.Current.Pick("未知组织", "Unknown organisation.");

    public async Task<IReadOnlyList<AccountView>> ListAsync(ClaimsPrincipal admin)
    {
        await RequireAdminAsync(admin);
        var list = new List<AccountView>();
        foreach (var user in await users.Users.OrderBy(u => u.UserName).ToListAsync())
        {
            list.Add(new AccountView(user.Id, user.UserName!, user.DisplayName, [.. await users.GetRolesAsync(user)], user.Disabled,
                await users.IsLockedOutAsync(user), user.MustChangePassword, user.OrganisationId));
        }

        return list;
    }

    /// <summary>Creates an account of <paramref name="organisationId"/> with a one-time password, which its holder must change at first login.</summary>
    public async Task<AdminResult> CreateAsync(ClaimsPrincipal admin, AuditOrigin origin, string userName, string displayName, string role,
        string organisationId = Organisation.CentreId)
    {
        await RequireAdminAsync(admin);
        if (!Roles.People.Contains(role))
        {
            return AdminResult.Fail(UnknownRole);
        }

        if (organisations.Find(organisationId) is not { } organisation)
        {
            return AdminResult.Fail(UnknownOrganisation);
        }

        var password = PasswordRules.Generate();
        var user = new TwinUser
        {
            UserName = userName.Trim(), DisplayName = displayName.Trim(), MustChangePassword = true, CreatedAt = time.GetUtcNow(), OrganisationId = organisation.Id,
        };
        return await audit.ChangeAsync(db, async () =>
        {
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded)
            {
                return (AdminResult.Fail(string.Join(" ", created.Errors.Select(PasswordRules.Describe))), null);
            }

            await users.AddToRoleAsync(user, role);
            return (AdminResult.Ok(password), audit.Entry(admin, AuditActions.AccountCreated, user.UserName, AuditOutcome.Success, $"role={role} organisation={organisation.Id}", origin));
        });
    }

    public async Task<AdminResult> SetDisabledAsync(ClaimsPrincipal admin, AuditOrigin origin, string userId, bool disabled)
    {
        await RequireAdminAsync(admin);
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return AdminResult.Fail(NoSuchAccount);
        }

        if (disabled && user.Id == admin.FindFirstValue(ClaimTypes.NameIdentifier))
        {
            return AdminResult.Fail(OwnAccount);
        }

        await audit.ChangeAsync(db, async () =>
        {
            user.Disabled = disabled;
            await users.UpdateSecurityStampAsync(user);
            return (true, audit.Entry(admin, disabled ? AuditActions.AccountDisabled : AuditActions.AccountEnabled, user.UserName, AuditOutcome.Success, null, origin));
        });
        if (disabled)
        {
            await sessions.EndAllOfUserAsync(user.Id, SessionEnd.AccountDisabled);
        }

        return AdminResult.Ok();
    }

    public async Task<AdminResult> SetRoleAsync(ClaimsPrincipal admin, AuditOrigin origin, string userId, string role)
    {
        await RequireAdminAsync(admin);
        if (!Roles.People.Contains(role) || await users.FindByIdAsync(userId) is not { } user)
        {
            return AdminResult.Fail(NoSuchAccountOrRole);
        }

        await audit.ChangeAsync(db, async () =>
        {
            var current = await users.GetRolesAsync(user);
            await users.RemoveFromRolesAsync(user, current);
            await users.AddToRoleAsync(user, role);
            return (true, audit.Entry(admin, AuditActions.RolesChanged, user.UserName, AuditOutcome.Success, $"{string.Join("+", current)}→{role}", origin));
        });
        await sessions.EndAllOfUserAsync(user.Id, SessionEnd.AccountChanged);
        return AdminResult.Ok();
    }

    /// <summary>
    /// Moves an account to another organisation. Its sessions end: a session carries the
    /// organisation it began with, so the account's scope changes at its next sign-in, not mid-page.
    /// </summary>
    public async Task<AdminResult> SetOrganisationAsync(ClaimsPrincipal admin, AuditOrigin origin, string userId, string organisationId)
    {
        await RequireAdminAsync(admin);
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return AdminResult.Fail("账号不存在 · No such account.");
        }

        if (organisations.Find(organisationId) is not { } organisation)
        {
            audit.Record(admin, AuditActions.AccountOrganisationChanged, user.UserName, AuditOutcome.Failure, "unknown organisation " + Clip(organisationId), origin);
            return AdminResult.Fail(UnknownOrganisation);
        }

        var before = user.OrganisationId;
        await audit.ChangeAsync(db, async () =>
        {
            user.OrganisationId = organisation.Id;
            await users.UpdateSecurityStampAsync(user);
            return (true, audit.Entry(admin, AuditActions.AccountOrganisationChanged, user.UserName, AuditOutcome.Success, $"{before}→{organisation.Id}", origin));
        });
        await sessions.EndAllOfUserAsync(user.Id, SessionEnd.AccountChanged);
        return AdminResult.Ok();
    }

    /// <summary>Sets a new one-time password, unlocks the account and ends its sessions.</summary>
    public async Task<AdminResult> ResetPasswordAsync(ClaimsPrincipal admin, AuditOrigin origin, string userId)
    {
        await RequireAdminAsync(admin);
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return AdminResult.Fail(NoSuchAccount);
        }

        var password = PasswordRules.Generate();
        var result = await audit.ChangeAsync(db, async () =>
        {
            await users.RemovePasswordAsync(user);
            var added = await users.AddPasswordAsync(user, password);
            if (!added.Succeeded)
            {
                // Rolled back: the account keeps its old password rather than none.
                return (AdminResult.Fail(string.Join(" ", added.Errors.Select(PasswordRules.Describe))), null);
            }

            user.MustChangePassword = true;
            await users.UpdateAsync(user);
            await users.SetLockoutEndDateAsync(user, null);
            await users.ResetAccessFailedCountAsync(user);
            return (AdminResult.Ok(password), audit.Entry(admin, AuditActions.PasswordReset, user.UserName, AuditOutcome.Success, null, origin));
        });
        if (result.Succeeded)
        {
            await sessions.EndAllOfUserAsync(user.Id, SessionEnd.AccountChanged);
        }

        return result;
    }

    public async Task<IReadOnlyList<WallDeviceView>> ListDevicesAsync(ClaimsPrincipal admin)
    {
        await RequireAdminAsync(admin);
        await using var db = await contexts.CreateDbContextAsync();
        var rows = await db.WallDevices.AsNoTracking().ToListAsync();
        return rows.OrderByDescending(d => d.IssuedAt).Select(d => new WallDeviceView(d.Id, d.Name, d.IssuedAt, d.IssuedBy, d.RevokedAt, d.OrganisationId)).ToList();
    }

    /// <summary>Issues a device token for a wall of <paramref name="organisationId"/>; the secret returned is the token, shown once (the store keeps its hash).</summary>
    public async Task<AdminResult> IssueDeviceAsync(ClaimsPrincipal admin, AuditOrigin origin, string name, string organisationId = Organisation.CentreId)
    {
        await RequireAdminAsync(admin);
        if (string.IsNullOrWhiteSpace(name))
        {
            return AdminResult.Fail(NameTheWall);
        }

        if (organisations.Find(organisationId) is not { } organisation)
        {
            return AdminResult.Fail(UnknownOrganisation);
        }

        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        await using var devices = await contexts.CreateDbContextAsync();
        return await audit.ChangeAsync(devices, async () =>
        {
            var device = await RegisterDeviceAsync(devices, name.Trim(), token, AuditTrail.ActorOf(admin), time.GetUtcNow(), organisation.Id);
            return (AdminResult.Ok(token), audit.Entry(admin, AuditActions.WallTokenIssued, device.Id, AuditOutcome.Success, $"{device.Name} organisation={organisation.Id}", origin));
        });
    }

    public async Task<AdminResult> RevokeDeviceAsync(ClaimsPrincipal admin, AuditOrigin origin, string deviceId)
    {
        await RequireAdminAsync(admin);
        await using var devices = await contexts.CreateDbContextAsync();
        if (await devices.WallDevices.FirstOrDefaultAsync(d => d.Id == deviceId) is not { } device)
        {
            return AdminResult.Fail(NoSuchWall);
        }

        await audit.ChangeAsync(devices, async () =>
        {
            device.RevokedAt ??= time.GetUtcNow();
            device.RevokedBy ??= AuditTrail.ActorOf(admin);
            await devices.SaveChangesAsync();
            return (true, audit.Entry(admin, AuditActions.WallTokenRevoked, device.Id, AuditOutcome.Success, device.Name, origin));
        });
        await sessions.EndAllOfDeviceAsync(device.Id, SessionEnd.DeviceRevoked);
        return AdminResult.Ok();
    }

    /// <summary>
    /// Moves a wall to another organisation. The wall stays paired (its cookie is its credential
    /// for months); its open map feeds are re-subscribed at once (<see cref="WallOrganisationChanges"/>),
    /// so it shows the new organisation's scope without anyone at the wall.
    /// </summary>
    public async Task<AdminResult> SetDeviceOrganisationAsync(ClaimsPrincipal admin, AuditOrigin origin, string deviceId, string organisationId)
    {
        await RequireAdminAsync(admin);
        await using var devices = await contexts.CreateDbContextAsync();
        if (await devices.WallDevices.FirstOrDefaultAsync(d => d.Id == deviceId && d.RevokedAt == null) is not { } device)
        {
            return AdminResult.Fail("大屏不存在或已吊销 · No such wall, or revoked.");
        }

        if (organisations.Find(organisationId) is not { } organisation)
        {
            audit.Record(admin, AuditActions.WallOrganisationChanged, device.Id, AuditOutcome.Failure, "unknown organisation " + Clip(organisationId), origin);
            return AdminResult.Fail(UnknownOrganisation);
        }

        var before = device.OrganisationId;
        await audit.ChangeAsync(devices, async () =>
        {
            device.OrganisationId = organisation.Id;
            await devices.SaveChangesAsync();
            return (true, audit.Entry(admin, AuditActions.WallOrganisationChanged, device.Id, AuditOutcome.Success, $"{device.Name}: {before}→{organisation.Id}", origin));
        });
        wallChanges.Changed(device.Id);
        return AdminResult.Ok();
    }

    /// <summary>
    /// Gives a device a new pairing link (the secret returned) and ends its sessions: the browser
    /// that held the old cookie is signed out and only the new link pairs, once.
    /// </summary>
    public async Task<AdminResult> RotateDeviceAsync(ClaimsPrincipal admin, AuditOrigin origin, string deviceId)
    {
        await RequireAdminAsync(admin);
        await using var devices = await contexts.CreateDbContextAsync();
        if (await devices.WallDevices.FirstOrDefaultAsync(d => d.Id == deviceId && d.RevokedAt == null) is not { } device)
        {
            return AdminResult.Fail(NoSuchActiveWall);
        }

        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        await audit.ChangeAsync(devices, async () =>
        {
            device.TokenHash = AccountService.HashToken(token);
            device.IssuedAt = time.GetUtcNow();
            device.IssuedBy = AuditTrail.ActorOf(admin);
            await devices.SaveChangesAsync();
            return (true, audit.Entry(admin, AuditActions.WallTokenRotated, device.Id, AuditOutcome.Success, device.Name, origin));
        });
        await sessions.EndAllOfDeviceAsync(device.Id, SessionEnd.DeviceRevoked);
        return AdminResult.Ok(token);
    }

    internal static async Task<WallDeviceRow> RegisterDeviceAsync(TwinDbContext db, string name, string token, string by, DateTimeOffset at,
        string organisationId = Organisation.CentreId)
    {
        var device = new WallDeviceRow
        {
            Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)),
            Name = name,
            TokenHash = AccountService.HashToken(token),
            IssuedAt = at,
            IssuedBy = by,
            OrganisationId = organisationId,
        };
        db.WallDevices.Add(device);
        await db.SaveChangesAsync();
        return device;
    }

    /// <summary>What an admin typed is audited, but never more than a name's worth of it.</summary>
    private static string Clip(string value) => value.Length <= 64 ? value : value[..64] + "…";

    private async Task RequireAdminAsync(ClaimsPrincipal admin)
    {
        if (!(await authorization.AuthorizeAsync(admin, Policies.Administer)).Succeeded)
        {
            audit.Record(admin, AuditActions.Forbidden, "account administration", AuditOutcome.Denied, null, AuditOrigin.None);
            throw new UnauthorizedAccessException("Account administration needs the admin role.");
        }
    }
}
