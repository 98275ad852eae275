using System.Security.Claims;
using CommandCenter.Audit;
using CommandCenter.Localization;
using CommandCenter.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Twin.Data.Audit;
using Twin.Data.Boundary;
using Twin.Data.Notifications;
using Twin.Data.Store;

namespace CommandCenter.Notifications;

/// <summary>A stored webhook as an admin sees it: the URL only by scheme and host, the secret only as set or not.</summary>
public sealed record WebhookView(
    string Id, string OrganisationId, string Name, WebhookFormat Format, IReadOnlyList<NotificationKind> Kinds, string UrlHint, bool HasSecret, DateTimeOffset UpdatedAt, string UpdatedBy);

/// <summary>An admin's new or changed webhook. On a change a blank URL or secret keeps the stored one; <see cref="ClearSecret"/> drops the secret.</summary>
public sealed record WebhookEdit(
    string? Id, string OrganisationId, string Name, WebhookFormat Format, IReadOnlyList<NotificationKind> Kinds, string? Url, string? Secret, bool ClearSecret = false);

/// <summary>
/// Organisations' webhooks, managed by an admin: each change written with its audit row in one
/// transaction (<see cref="AuditTrail.ChangeAsync"/>), the URL and secret encrypted before the
/// store sees them, and neither ever in an audit row, a refusal or a view.
/// </summary>
public sealed class WebhookAdministration(
    TwinDbContext db, AuditTrail audit, IAuthorizationService authorization, ITwinOrganisations organisations, WebhookDirectory directory, TimeProvider time)
{
    public const int MaxNameLength = 64;

    private static string T(string zh, string en) => Language.Current.Pick(zh, en);

    public async Task<IReadOnlyList<WebhookView>> ListAsync(ClaimsPrincipal admin, CancellationToken ct = default)
    {
        await RequireAdminAsync(admin);
        var rows = await db.Webhooks.AsNoTracking().ToListAsync(ct);
        return [.. rows.Select(ToView).OrderBy(w => w.OrganisationId, StringComparer.Ordinal).ThenBy(w => w.Name, StringComparer.Ordinal)];
    }

    public async Task<AdminResult> SaveAsync(ClaimsPrincipal admin, AuditOrigin origin, WebhookEdit edit, CancellationToken ct = default)
    {
        await RequireAdminAsync(admin);
        var name = edit.Name.Trim();
        var url = string.IsNullOrWhiteSpace(edit.Url) ? null : edit.Url.Trim();
        var row = edit.Id is { } id ? await db.Webhooks.FirstOrDefaultAsync(w => w.Id == id, ct) : null;
        var problem =
            edit.Id is not null && row is null ? T("Webhook 不存在", "No such webhook.")
            : organisations.Find(edit.OrganisationId) is null ? T("未知组织", "Unknown organisation.")
            : name.Length is 0 or > MaxNameLength ? T($"请填写名称（最多 {MaxNameLength} 字）", $"Give a name of at most {MaxNameLength} characters.")
            : (row is null && url is null) || (url is not null && !WebhookTarget.IsWebUrl(url)) ? T("请填写完整的 http(s) 地址", "Give an absolute http(s) URL.")
            : !Enum.IsDefined(edit.Format) || edit.Kinds.Any(k => !Enum.IsDefined(k)) ? T("未知格式或通知类型", "Unknown format or kind.")
            : await db.Webhooks.AnyAsync(w => w.OrganisationId == edit.OrganisationId && w.Name == name && w.Id != edit.Id, ct) ? T("该组织已有同名 Webhook", "The organisation already has a webhook of that name.")
            : null;
        if (problem is not null)
        {
            audit.Record(admin, AuditActions.WebhookSaved, edit.Id ?? edit.OrganisationId, AuditOutcome.Failure, problem, origin);
            return AdminResult.Fail(problem);
        }

        return await audit.ChangeAsync(db, async () =>
        {
            var now = time.GetUtcNow();
            if (row is null)
            {
                row = new WebhookRow
                {
                    Id = Guid.NewGuid().ToString("N"), OrganisationId = edit.OrganisationId, Name = name, Format = string.Empty, Kinds = string.Empty,
                    ProtectedUrl = string.Empty, UrlHint = string.Empty, UpdatedBy = string.Empty,
                };
                db.Webhooks.Add(row);
            }

            var changes = new List<string> { $"{edit.OrganisationId}/{name}", edit.Format.ToString(), WebhookDirectory.KindsText(edit.Kinds) is { Length: > 0 } k ? k : "all kinds" };
            (row.OrganisationId, row.Name, row.Format, row.Kinds) = (edit.OrganisationId, name, edit.Format.ToString(), WebhookDirectory.KindsText(edit.Kinds));
            if (url is not null)
            {
                (row.ProtectedUrl, row.UrlHint) = (directory.Protect(url), Hint(url));
                changes.Add("url set");
            }

            if (edit.ClearSecret)
            {
                row.ProtectedSecret = null;
                changes.Add("secret removed");
            }
            else if (!string.IsNullOrWhiteSpace(edit.Secret))
            {
                row.ProtectedSecret = directory.Protect(edit.Secret.Trim());
                changes.Add("secret set");
            }

            (row.UpdatedAt, row.UpdatedBy) = (now, AuditTrail.ActorOf(admin));
            await db.SaveChangesAsync(ct);
            return (AdminResult.Ok(), audit.Entry(admin, AuditActions.WebhookSaved, row.Id, AuditOutcome.Success, string.Join("; ", changes), origin));
        }, ct);
    }

    public async Task<AdminResult> DeleteAsync(ClaimsPrincipal admin, AuditOrigin origin, string id, CancellationToken ct = default)
    {
        await RequireAdminAsync(admin);
        if (await db.Webhooks.FirstOrDefaultAsync(w => w.Id == id, ct) is not { } row)
        {
            return AdminResult.Fail(T("Webhook 不存在", "No such webhook."));
        }

        return await audit.ChangeAsync(db, async () =>
        {
            db.Webhooks.Remove(row);
            await db.SaveChangesAsync(ct);
            return (AdminResult.Ok(), audit.Entry(admin, AuditActions.WebhookDeleted, row.Id, AuditOutcome.Success, $"{row.OrganisationId}/{row.Name}", origin));
        }, ct);
    }

    /// <summary>What of a URL may be shown: a robot's key sits in its user info, path or query, never in its host.</summary>
    public static string Hint(string url)
    {
        var uri = new Uri(url);
        return uri.IsDefaultPort ? $"{uri.Scheme}://{uri.Host}/…" : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{uri.Scheme}://{uri.Host}:{uri.Port}/…");
    }

    private static WebhookView ToView(WebhookRow r) => new(
        r.Id, r.OrganisationId, r.Name, Enum.Parse<WebhookFormat>(r.Format), WebhookDirectory.ParseKinds(r.Kinds), r.UrlHint, r.ProtectedSecret is not null, r.UpdatedAt, r.UpdatedBy);

    private async Task RequireAdminAsync(ClaimsPrincipal admin)
    {
        if (!(await authorization.AuthorizeAsync(admin, Policies.Administer)).Succeeded)
        {
            audit.Record(admin, AuditActions.Forbidden, "webhook administration", AuditOutcome.Denied, null, AuditOrigin.None);
            throw new UnauthorizedAccessException("Webhook administration needs the admin role.");
        }
    }
}
