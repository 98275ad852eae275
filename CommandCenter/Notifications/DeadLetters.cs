using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Twin.Data.Boundary;
using Twin.Data.Notifications;
using Twin.Data.Store;

namespace CommandCenter.Notifications;

/// <summary>A delivery that failed every try: what an admin sees (never the URL, which may hold a key) and can send again.</summary>
public sealed record DeadLetter(
    Guid Id, string WebhookId, string Webhook, string? Organisation, NotificationKind Kind, string Key, string Title, DateTimeOffset FailedAt, int Attempts, string LastError)
{
    /// <summary>The body as it was sent, for the retry.</summary>
    internal string Body { get; init; } = string.Empty;
}

/// <summary>
/// The dead-letter list, in the store (table <c>notification_dead_letters</c>), so it survives a
/// restart and every node's admin page shows the same list. Retention: each new letter drops those
/// older than <see cref="NotificationOptions.DeadLetterKeepDays"/> and the oldest beyond
/// <see cref="NotificationOptions.DeadLetterCapacity"/>.
/// </summary>
public sealed class DeadLetters(IDbContextFactory<TwinDbContext> contexts, TwinReadiness readiness, IOptions<NotificationOptions> options, TimeProvider time)
{
    public async Task<IReadOnlyList<DeadLetter>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await OpenAsync(ct);
        var rows = await db.DeadLetters.AsNoTracking().ToListAsync(ct);
        return [.. rows.Select(ToLetter).OrderByDescending(l => l.FailedAt).ThenBy(l => l.Key, StringComparer.Ordinal)];
    }

    public async Task<DeadLetter?> FindAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await OpenAsync(ct);
        return await db.DeadLetters.AsNoTracking().FirstOrDefaultAsync(l => l.Id == id.ToString("N"), ct) is { } row ? ToLetter(row) : null;
    }

    public async Task AddAsync(DeadLetter letter, CancellationToken ct = default)
    {
        await using var db = await OpenAsync(ct);
        db.DeadLetters.Add(ToRow(letter));
        await db.SaveChangesAsync(ct);
        await db.DeadLetters.Where(l => l.FailedAt < time.GetUtcNow().AddDays(-options.Value.DeadLetterKeepDays)).ExecuteDeleteAsync(ct);
        var beyond = await db.DeadLetters.OrderByDescending(l => l.FailedAt).Skip(options.Value.DeadLetterCapacity).Select(l => l.Id).ToListAsync(ct);
        if (beyond.Count > 0)
        {
            await db.DeadLetters.Where(l => beyond.Contains(l.Id)).ExecuteDeleteAsync(ct);
        }
    }

    /// <summary>Removes a delivered letter; false when it was already gone (another admin's retry took it).</summary>
    public async Task<bool> RemoveAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await OpenAsync(ct);
        return await db.DeadLetters.Where(l => l.Id == id.ToString("N")).ExecuteDeleteAsync(ct) > 0;
    }

    /// <summary>Records a retry that failed again: its time, the tries so far and the new error.</summary>
    public async Task FailedAgainAsync(Guid id, int moreAttempts, string error, CancellationToken ct = default)
    {
        await using var db = await OpenAsync(ct);
        var now = time.GetUtcNow();
        await db.DeadLetters.Where(l => l.Id == id.ToString("N")).ExecuteUpdateAsync(
            s => s.SetProperty(l => l.FailedAt, now).SetProperty(l => l.Attempts, l => l.Attempts + moreAttempts).SetProperty(l => l.LastError, error), ct);
    }

    private async Task<TwinDbContext> OpenAsync(CancellationToken ct)
    {
        await readiness.Ready.WaitAsync(ct);
        return await contexts.CreateDbContextAsync(ct);
    }

    private static DeadLetter ToLetter(DeadLetterRow r) =>
        new(Guid.ParseExact(r.Id, "N"), r.WebhookId, r.WebhookName, r.Organisation, Enum.Parse<NotificationKind>(r.Kind), r.Key, r.Title, r.FailedAt, r.Attempts, r.LastError)
        {
            Body = r.Body,
        };

    private static DeadLetterRow ToRow(DeadLetter l) => new()
    {
        Id = l.Id.ToString("N"),
        WebhookId = l.WebhookId,
        WebhookName = l.Webhook,
        Organisation = l.Organisation,
        Kind = l.Kind.ToString(),
        Key = l.Key,
        Title = l.Title,
        Body = l.Body,
        FailedAt = l.FailedAt,
        Attempts = l.Attempts,
        LastError = l.LastError,
    };
}
