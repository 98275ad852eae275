using System.Collections.Concurrent;
using CommandCenter.Configuration;
using Microsoft.Extensions.Options;

namespace CommandCenter.Security;

/// <summary>
/// Login attempts per client address in a one-minute fixed window on <see cref="TimeProvider"/>:
/// slows password guessing across accounts, which the per-account lockout alone does not.
/// </summary>
public sealed class LoginThrottle(IOptionsMonitor<SecurityOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);

    public bool TryAcquire(string address)
    {
        var now = time.GetUtcNow();
        var minute = now.ToUnixTimeSeconds() / 60;
        var window = _windows.AddOrUpdate(address, _ => new Window(minute, 1), (_, w) => w.Minute == minute ? w with { Count = w.Count + 1 } : new Window(minute, 1));
        if (_windows.Count > 10_000)
        {
            foreach (var stale in _windows.Where(p => p.Value.Minute < minute).Select(p => p.Key).ToList())
            {
                _windows.TryRemove(stale, out _);
            }
        }

        return window.Count <= options.CurrentValue.LoginAttemptsPerMinute;
    }

    private sealed record Window(long Minute, int Count);
}
