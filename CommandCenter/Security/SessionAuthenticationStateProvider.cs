using System.Security.Claims;
using CommandCenter.Configuration;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Options;

namespace CommandCenter.Security;

/// <summary>
/// A live page's view of who is signed in. It re-checks the session every
/// <see cref="SecurityOptions.RevalidateSeconds"/> on <see cref="TimeProvider"/> (idle and absolute
/// timeouts) and at once when the session is ended elsewhere (logout, account disabled, wall
/// revoked); either way the page turns anonymous and <c>RedirectToLogin</c> sends it to the sign-in
/// page, saying why (<see cref="EndReason"/>), which ends the circuit. Only a person's real input
/// counts as activity (<see cref="TouchAsync"/>, from <c>SessionGuard</c>), never circuit traffic.
/// </summary>
public sealed class SessionAuthenticationStateProvider : ServerAuthenticationStateProvider, IDisposable
{
    private readonly SessionStore _sessions;
    private static readonly TimeSpan TouchInterval = TimeSpan.FromSeconds(30);
    private readonly ITimer _timer;
    private readonly TimeProvider _time;
    private DateTimeOffset _lastTouch = DateTimeOffset.MinValue;
    private string? _sessionId;
    private int _checking;

    public SessionAuthenticationStateProvider(SessionStore sessions, IOptions<SecurityOptions> options, TimeProvider time)
    {
        _sessions = sessions;
        _time = time;
        _sessions.Ended += OnSessionEnded;
        var every = TimeSpan.FromSeconds(options.Value.RevalidateSeconds);
        _timer = time.CreateTimer(_ => _ = RevalidateAsync(activity: false), null, every, every);
        AuthenticationStateChanged += OnChanged;
    }

    /// <summary>Why this page's session ended; <see cref="SessionEnd.None"/> while it lasts.</summary>
    public SessionEnd EndReason { get; private set; }

    /// <summary>Called on a person's input (keyboard, pointer, wheel, touch, navigation), at most every 30 s: keeps the session from going idle.</summary>
    public Task TouchAsync()
    {
        var now = _time.GetUtcNow();
        if (now - _lastTouch < TouchInterval)
        {
            return Task.CompletedTask;
        }

        _lastTouch = now;
        return RevalidateAsync(activity: true);
    }

    public void Dispose()
    {
        _sessions.Ended -= OnSessionEnded;
        AuthenticationStateChanged -= OnChanged;
        _timer.Dispose();
    }

    private async void OnChanged(Task<AuthenticationState> state)
    {
        var user = (await state).User;
        _sessionId = user.FindFirstValue(TwinClaims.SessionId);
    }

    private void OnSessionEnded(string sessionId, SessionEnd reason)
    {
        if (sessionId == _sessionId)
        {
            SignOutCircuit(reason);
        }
    }

    private async Task RevalidateAsync(bool activity)
    {
        if (_sessionId is not { } sid || Interlocked.Exchange(ref _checking, 1) == 1)
        {
            return;
        }

        try
        {
            if (await _sessions.CheckAsync(sid, activity) is not SessionEnd.None and var end)
            {
                SignOutCircuit(end);
            }
        }
        finally
        {
            Volatile.Write(ref _checking, 0);
        }
    }

    private void SignOutCircuit(SessionEnd reason)
    {
        _sessionId = null;
        EndReason = reason;
        SetAuthenticationState(Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity()))));
    }
}
