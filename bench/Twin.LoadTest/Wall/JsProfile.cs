using System.Globalization;
using Microsoft.Playwright;

namespace Twin.LoadTest.Wall;

/// <summary>
/// A JavaScript CPU profile of a page through the Chrome DevTools Protocol (Profiler domain),
/// summarised as self time per function: where the main thread's time goes.
/// </summary>
public sealed class JsProfile
{
    private readonly ICDPSession _session;

    private JsProfile(ICDPSession session) => _session = session;

    public static async Task<JsProfile> StartAsync(IPage page)
    {
        var session = await page.Context.NewCDPSessionAsync(page);
        await session.SendAsync("Profiler.enable");
        await session.SendAsync("Profiler.setSamplingInterval", new Dictionary<string, object> { ["interval"] = 500 });
        await session.SendAsync("Profiler.start");
        return new JsProfile(session);
    }

    /// <summary>The <paramref name="top"/> functions by self time, as "share% ms name (file:line)".</summary>
    public async Task<IReadOnlyList<string>> StopAsync(int top)
    {
        var result = await _session.SendAsync("Profiler.stop");
        await _session.DetachAsync();
        var profile = result!.Value.GetProperty("profile");
        var names = new Dictionary<int, string>();
        foreach (var node in profile.GetProperty("nodes").EnumerateArray())
        {
            var frame = node.GetProperty("callFrame");
            var function = frame.GetProperty("functionName").GetString();
            var url = frame.GetProperty("url").GetString() ?? "";
            var file = url.Length == 0 ? "" : $" ({url[(url.LastIndexOf('/') + 1)..]}:{frame.GetProperty("lineNumber").GetInt32() + 1})";
            names[node.GetProperty("id").GetInt32()] = (string.IsNullOrEmpty(function) ? "(anonymous)" : function) + file;
        }

        var selfMicros = new Dictionary<string, double>();
        var samples = profile.GetProperty("samples").EnumerateArray().Select(e => e.GetInt32()).ToList();
        var deltas = profile.GetProperty("timeDeltas").EnumerateArray().Select(e => e.GetDouble()).ToList();
        for (var i = 0; i < samples.Count - 1; i++)
        {
            var name = names[samples[i]];
            selfMicros[name] = selfMicros.GetValueOrDefault(name) + deltas[i + 1];
        }

        var total = selfMicros.Values.Sum();
        return selfMicros.OrderByDescending(p => p.Value).Take(top)
            .Select(p => string.Create(CultureInfo.InvariantCulture, $"{100 * p.Value / total,5:F1}% {p.Value / 1000,8:F0} ms  {p.Key}"))
            .ToList();
    }
}
