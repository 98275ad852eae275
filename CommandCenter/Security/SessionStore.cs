using System.Security.Cryptography;
using CommandCenter.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Twin.Data.Accounts;
using Twin.Data.Store;

namespace CommandCenter.Security;

/// <summary>Why a session is no longer valid.</summary>
public enum SessionEnd
{
    None,
    Unknown,
    LoggedOut,
    Idle,
    Absolute,
    AccountDisabled,
    AccountChanged,
    DeviceRevoked,
}

/// <summary>
/// Server-side sessions keyed by the id in the cookie. People's sessions end after
/// <see cref="SecurityOptions.IdleTimeout"/> without activity or <see cref="SecurityOptions.AbsoluteTimeout"/>
/// after sign-in; a wall's session has neither and ends only when its device token is revoked.
/// Live circuits subscribe to <see cref="Ended"/> so that ending a session closes them at once.
/// </summary>
public sealed class SessionStore(IDbContextFactory<TwinDbContext> contexts, IOptionsMonitor<SecurityOptions> options, TimeProvider time)
{
    /// <summary>Activity closer together than this is not written back, to keep writes rare.</summary>
    private static readonly TimeSpan TouchGranularity = TimeSpan.FromSeconds(30);

    /// <summary>Raised with the session id after a session ended, from whatever thread ended it.</summary>
    public event Action<string, SessionEnd>? Ended;

    public async Task<string> StartAsync(string? userId, string? deviceId, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        await using var db = await contexts.CreateDbContextAsync(ct);
        db.Sessions.Add(new SessionRow { Id = id, UserId = userId, DeviceId = deviceId, CreatedAt = now, LastSeenAt = now });
        await db.SaveChangesAsync(ct);
        return id;
    }

    /// <summary>
    /// Checks a session and, when it is valid and <paramref name="activity"/>, records the activity.
    /// An expired session is ended here, so it stays ended if the clock is turned back.
    /// </summary>
    public async Task<SessionEnd> CheckAsync(string sessionId, bool activity, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var session = await db.Sessions.FirstOrDefaultAsync(s => s.Id == sessionId, ct);
        if (session is null)
        {
            return SessionEnd.Unknown;
        }

        if (session.EndedAt is not null)
        {
            return Enum.TryParse<SessionEnd>(session.EndReason, out var reason) ? reason : SessionEnd.Unknown;
        }

        var end = Expiry(session, now);
        if (end != SessionEnd.None)
        {
            session.EndedAt = now;
            session.EndReason = end.ToString();
            await db.SaveChangesAsync(ct);
            Ended?.Invoke(sessionId, end);
            return end;
        }

        if (activity && now - session.LastSeenAt >= TouchGranularity)
        {
            session.LastSeenAt = now;
            await db.SaveChangesAsync(ct);
        }

        return SessionEnd.None;
    }

    public Task EndAsync(string sessionId, SessionEnd reason, CancellationToken ct = default) =>
        EndWhereAsync(s => s.Id == sessionId, reason, ct);

    public Task EndAllOfUserAsync(string userId, SessionEnd reason, CancellationToken ct = default) =>
        EndWhereAsync(s => s.UserId == userId, reason, ct);

    public Task EndAllOfDeviceAsync(string deviceId, SessionEnd reason, CancellationToken ct = default) =>
        EndWhereAsync(s => s.DeviceId == deviceId, reason, ct);

    private SessionEnd Expiry(SessionRow session, DateTimeOffset now)
    {
        if (session.DeviceId is not null)
        {
            return SessionEnd.None;
        }

        var o = options.CurrentValue;
        if (now - session.CreatedAt >= o.AbsoluteTimeout)
        {
            return SessionEnd.Absolute;
        }

        return now - session.LastSeenAt >= o.IdleTimeout ? SessionEnd.Idle : SessionEnd.None;
    }

    private async Task EndWhereAsync(System.Linq.Expressions.Expression<Func<SessionRow, bool>> which, SessionEnd reason, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var sessions = await db.Sessions.Where(which).Where(s => s.EndedAt == null).ToListAsync(ct);
        foreach (var session in sessions)
        {
            session.EndedAt = now;
            session.EndReason = reason.ToString();
        }

        await db.SaveChangesAsync(ct);
        foreach (var session in sessions)
        {
            Ended?.Invoke(session.Id, reason);
        }
    }
}
