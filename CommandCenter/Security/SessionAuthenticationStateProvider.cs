using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Options;

namespace CommandCenter.Security;

/// <summary>
/// A live page's view of who is signed in. It re-checks the session every
/// <see cref="SecurityOptions.RevalidateSeconds"/> on <see cref="TimeProvider"/> (idle and absolute
/// timeouts) and at once when the session is ended elsewhere (logout, account disabled, wall
/// revoked); either way the page turns anonymous and <see cref="RedirectToLogin"/> closes the circuit.
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

    /// <summary>Called by the circuit on activity, at most every 30 s: keeps the session from going idle.</summary>
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
            SignOutCircuit();
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
            if (await _sessions.CheckAsync(sid, activity) != SessionEnd.None)
            {
                SignOutCircuit();
            }
        }
        finally
        {
            Volatile.Write(ref _checking, 0);
        }
    }

    private void SignOutCircuit()
    {
        _sessionId = null;
        SetAuthenticationState(Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity()))));
    }
}
