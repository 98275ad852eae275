using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Twin.Data.Boundary;
using Twin.Data.Notifications;
using Twin.Data.Store;

namespace CommandCenter.Notifications;

/// <summary>
/// Every webhook the notifier sends to: the organisations' (from the store, their URLs and secrets
/// decrypted here and nowhere else) and the configuration's. Read afresh for each batch of
/// notifications, so an admin's change on any node holds from the next event on.
/// </summary>
public sealed class WebhookDirectory(
    IDbContextFactory<TwinDbContext> contexts, TwinReadiness readiness, IDataProtectionProvider protection, IOptions<NotificationOptions> options)
{
    // Like callers' contacts (SecuritySetup's DataProtectionPersonalData): encrypted before the store sees them.
    private readonly IDataProtector _protector = protection.CreateProtector("CityOps.Twin.WebhookKeys.v1");

    public string Protect(string value) => _protector.Protect(value);

    public async Task<IReadOnlyList<WebhookTarget>> TargetsAsync(CancellationToken ct = default)
    {
        await readiness.Ready.WaitAsync(ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var stored = await db.Webhooks.AsNoTracking().ToListAsync(ct);
        return [.. options.Value.Webhooks.Select(w => w.ToTarget()), .. stored.Select(ToTarget)];
    }

    public async Task<WebhookTarget?> FindAsync(string id, CancellationToken ct = default) =>
        (await TargetsAsync(ct)).FirstOrDefault(t => t.Id == id);

    private WebhookTarget ToTarget(WebhookRow row) => new(
        row.Id, row.Name, row.OrganisationId, row.OrganisationId, _protector.Unprotect(row.ProtectedUrl),
        row.ProtectedSecret is { } secret ? _protector.Unprotect(secret) : null,
        Enum.Parse<WebhookFormat>(row.Format), ParseKinds(row.Kinds));

    public static IReadOnlyList<NotificationKind> ParseKinds(string kinds) =>
        [.. kinds.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(k => Enum.Parse<NotificationKind>(k))];

    public static string KindsText(IEnumerable<NotificationKind> kinds) => string.Join(',', kinds.Distinct().Order());
}
