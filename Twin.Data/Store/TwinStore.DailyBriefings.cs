using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Twin.Data.Audit;

namespace Twin.Data.Store;

/// <summary>A daily briefing as the store keeps it: its day, when it was made, its content and that content's SHA-256.</summary>
public sealed record StoredDailyBriefing(DateOnly Day, DateTimeOffset GeneratedAt, string Sha256, byte[] Content);

public sealed partial class TwinStore
{
    /// <summary>
    /// Keeps the briefing of <paramref name="day"/> unless one is kept already (then false, nothing
    /// written): the row and its audit entry in one transaction, taken with the write lock first so
    /// that two makers (a restart during the first) cannot both insert.
    /// </summary>
    public async Task<bool> StoreDailyBriefingAsync(DateOnly day, DateTimeOffset generatedAt, byte[] content, string actor, CancellationToken ct = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _writeGate.WaitAsync(ct);
        try
        {
            await using var connection = await OpenConnectionAsync(ct);
            await using var transaction = _dialect.BeginWrite(connection);
            var key = DayKey(day);
            await using (var exists = connection.CreateCommand())
            {
                exists.Transaction = transaction;
                exists.CommandText = "SELECT EXISTS (SELECT 1 FROM daily_briefings WHERE day = @day)";
                exists.AddParameter("@day", key);
                if (Convert.ToInt64(await exists.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture) == 1)
                {
                    return false;
                }
            }

            var sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
            await using (var insert = connection.CreateCommand())
            {
                insert.Transaction = transaction;
                insert.CommandText = "INSERT INTO daily_briefings (day, generated_at, content, sha256) VALUES (@day, @at, @content, @sha256)";
                insert.AddParameter("@day", key);
                insert.AddParameter("@at", generatedAt.UtcTicks);
                insert.AddParameter("@content", content);
                insert.AddParameter("@sha256", sha256);
                await insert.ExecuteNonQueryAsync(ct);
            }

            if (_audit is not null)
            {
                AuditAppender.Append(_dialect, connection, transaction, _audit,
                [
                    new AuditEntry(_time.GetUtcNow(), actor, AuditActions.DailyBriefingStored, key, AuditOutcome.Success,
                        $"sha256={sha256}; {content.Length} bytes; made at {generatedAt.UtcDateTime:O}", null, null),
                ]);
            }

            await transaction.CommitAsync(ct);
            return true;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>Every kept daily briefing without its content, newest day first.</summary>
    public async Task<IReadOnlyList<StoredDailyBriefing>> ListDailyBriefingsAsync(CancellationToken ct = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await using var db = CreateDbContext();
        var rows = await db.DailyBriefings.AsNoTracking().OrderByDescending(b => b.Day)
            .Select(b => new { b.Day, b.GeneratedAt, b.Sha256 }).ToListAsync(ct);
        return rows.Select(b => new StoredDailyBriefing(ParseDay(b.Day), b.GeneratedAt, b.Sha256, [])).ToList();
    }

    /// <summary>The kept briefing of <paramref name="day"/>, or null.</summary>
    public async Task<StoredDailyBriefing?> GetDailyBriefingAsync(DateOnly day, CancellationToken ct = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await using var db = CreateDbContext();
        var key = DayKey(day);
        var row = await db.DailyBriefings.AsNoTracking().FirstOrDefaultAsync(b => b.Day == key, ct);
        return row is null ? null : new StoredDailyBriefing(day, row.GeneratedAt, row.Sha256, row.Content);
    }

    private static string DayKey(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly ParseDay(string key) => DateOnly.ParseExact(key, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
