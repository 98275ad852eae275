using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

namespace CommandCenter.BrowserTests;

/// <summary>
/// How long walls take to follow an action on a desk (a supervisor's confirm, a presenter's step),
/// measured in the pages themselves: the desk notes the time of the click or key as it happens,
/// and each wall notes when its panels changed; the wall's map keeps the scene message's times
/// (when the server received the action, heard its commit, sent the scene; when the hub message
/// arrived and the map took the new view). All pages run in one Chromium on the machine that runs
/// the app, so their clocks and the server's agree. The test's own polling only waits; it adds
/// nothing to what is measured.
/// </summary>
public static class WallFollow
{
    private const string Map = "window.__twinmap";

    /// <summary>The desk notes when each click or key press happens (before the page handles it).</summary>
    public static Task WatchDeskAsync(IPage desk) => desk.EvaluateAsync("""
        () => {
          window.__actedAt = 0;
          const note = () => { window.__actedAt = Date.now(); };
          window.addEventListener('click', note, true);
          window.addEventListener('keydown', note, true);
        }
        """);

    /// <summary>The wall notes every change of what its panels show ('' for an attribute it does not have), and keeps its map module at hand.</summary>
    public static Task WatchWallAsync(IPage wall) => wall.EvaluateAsync("""
        async () => {
          window.__twinmap = await import('./assets/js/twinmap.js');
          window.__wallLog = [];
          const note = () => {
            const w = document.querySelector('.wall');
            if (!w) return;
            window.__wallLog.push({
              at: Date.now(), scene: w.getAttribute('data-scene') ?? '', highlight: w.getAttribute('data-highlight') ?? '',
              focus: w.getAttribute('data-focus') ?? '', presenting: w.getAttribute('data-presenting') === 'true', target: w.getAttribute('data-target') ?? '',
            });
          };
          new MutationObserver(note).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-scene', 'data-highlight', 'data-focus', 'data-presenting', 'data-target'] });
          // What held the page's one thread: every frame over 50 ms with the scripts that ran in it
          // (the map's drawing, the hub's or the circuit's message), as Chromium reports them.
          window.__frames = [];
          new PerformanceObserver((list) => {
            for (const f of list.getEntries()) {
              const file = (url) => (url || '').split('/').pop().split('?')[0].replace(/\.[0-9a-z]{8,}\./, '.');
              window.__frames.push({
                at: performance.timeOrigin + f.startTime, ms: f.duration,
                scripts: f.scripts.map((s) => ({ ms: s.duration, what: `${s.invoker} ${file(s.sourceURL)}` })),
              });
            }
            window.__frames.splice(0, Math.max(0, window.__frames.length - 400));
          }).observe({ type: 'long-animation-frame' });
        }
        """);

    /// <summary>Runs <paramref name="act"/> on the desk and answers when its click or key happened there (ms since the epoch).</summary>
    public static async Task<double> ActAsync(IPage desk, Func<Task> act)
    {
        await desk.EvaluateAsync("() => { window.__actedAt = 0; }");
        await act();
        var actedAt = await desk.EvaluateAsync<double>("() => window.__actedAt");
        Assert.True(actedAt > 0, "the desk saw no click or key press");
        return actedAt;
    }

    /// <summary>
    /// Waits until <paramref name="wall"/> shows <paramref name="expected"/> (the wall's attributes:
    /// scene, highlight, focus, presenting, target; only those given are compared) after
    /// <paramref name="actedAt"/>, its map has the scene message and, when <paramref name="mapMoves"/>,
    /// has taken the new view. A miss fails with what the wall showed and its map's times.
    /// </summary>
    public static async Task<Followed> WaitAsync(IPage wall, string name, double actedAt, object expected, bool mapMoves, TimeSpan timeout)
    {
        var args = new { from = actedAt, expect = expected, moves = mapMoves };
        try
        {
            var handle = await wall.WaitForFunctionAsync($$"""
                ({ from, expect, moves }) => {
                  const hit = (window.__wallLog ?? []).find((e) => e.at >= from && Object.entries(expect).every(([k, v]) => e[k] === v));
                  if (!hit) return null;
                  const s = {{Map}}.getStats();
                  if (!(s.sceneMessageArrivedAt >= from) || (expect.scene && s.scene !== expect.scene) || (moves && !(s.sceneAt >= from))) return null;
                  return { panels: hit.at, received: s.sceneMessageReceivedAt, committed: s.sceneMessageCommittedAt, sent: s.sceneMessageSentAt, message: s.sceneMessageArrivedAt, view: moves ? s.sceneAt : 0 };
                }
                """, args, new() { PollingInterval = 50, Timeout = (float)timeout.TotalMilliseconds });
            var seen = await handle.JsonValueAsync<JsonElement>();
            double At(string key) => seen.GetProperty(key).GetDouble() is > 0 and var v ? v - actedAt : double.NaN;
            return new Followed(name, At("received"), At("committed"), At("sent"), At("message"), At("view"), At("panels"));
        }
        catch (TimeoutException)
        {
            var log = await wall.EvaluateAsync<JsonElement>("() => (window.__wallLog ?? []).slice(-5)");
            var stats = await wall.EvaluateAsync<JsonElement>($"() => {Map}.getStats()");
            Assert.Fail($"{name} did not show {JsonSerializer.Serialize(expected)} within {timeout.TotalSeconds:0} s of the action at {actedAt:0}: its last panel changes {log}, its map {stats}");
            throw;
        }
    }

    /// <summary>
    /// Each wall's following with what its page did meanwhile: when its map had first drawn the new
    /// view (if it has by now) and its frames of over <paramref name="longMs"/> ms from the action
    /// to the wall's last step, each with its longest scripts.
    /// </summary>
    public static async Task<List<Followed>> DetailAsync((IPage Page, string Name)[] walls, List<Followed> followed, double actedAt, double longMs = 200)
    {
        var detailed = new List<Followed>();
        foreach (var f in followed)
        {
            var page = walls.Single(w => w.Name == f.Wall).Page;
            var seen = await page.EvaluateAsync<JsonElement>($$"""
                ({ from, to, longMs }) => ({
                  drawn: {{Map}}.getStats().sceneDrawnAt ?? 0,
                  frames: (window.__frames ?? []).filter((x) => x.at + x.ms >= from && x.at <= to && x.ms >= longMs).map((x) =>
                    `+${Math.round(x.at - from)} ${Math.round(x.ms)} ms [${x.scripts.filter((s) => s.ms >= 20).sort((a, b) => b.ms - a.ms).slice(0, 3).map((s) => `${s.what} ${Math.round(s.ms)}`).join(', ')}]`),
                })
                """, new { from = actedAt, to = actedAt + f.Total, longMs });
            var drawn = seen.GetProperty("drawn").GetDouble();
            detailed.Add(f with
            {
                Drawn = drawn >= actedAt ? drawn - actedAt : double.NaN,
                Frames = [.. seen.GetProperty("frames").EnumerateArray().Select(x => x.GetString()!)],
            });
        }

        return detailed;
    }

    /// <summary>Median and slowest of the walls' times, and each of them.</summary>
    public static string Summary(IReadOnlyList<Followed> all)
    {
        var sorted = all.Select(f => f.Total).Order().ToList();
        return FormattableString.Invariant(
            $"{all.Count} wall-steps: median {Median(sorted):0} ms, max {sorted[^1]:0} ms; all {string.Join(" ", all.Select(f => f.Total.ToString("0", CultureInfo.InvariantCulture)))}");
    }

    public static double Median(IReadOnlyList<double> sorted) =>
        sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}

/// <summary>
/// One wall's following of one action, each time in ms from the click or key: the action's arrival
/// at the server, the writer's commit as the director heard it (a change of mode only), the scene's
/// send, the hub message's arrival at the wall's map, the map's new view (when it moves) and the
/// panels' render. NaN where a step does not apply.
/// </summary>
public sealed record Followed(string Wall, double Received, double Committed, double Sent, double Message, double View, double Panels)
{
    /// <summary>Until the wall showed it all: its panels and, when it moves, its map.</summary>
    public double Total => double.IsNaN(View) ? Panels : Math.Max(Panels, View);

    /// <summary>When the map had first drawn every layer in its new view (NaN: not yet when asked, or it did not move); not part of <see cref="Total"/>.</summary>
    public double Drawn { get; init; } = double.NaN;

    /// <summary>The wall page's long frames meanwhile: start (ms from the action), length and longest scripts.</summary>
    public IReadOnlyList<string> Frames { get; init; } = [];

    public override string ToString() => FormattableString.Invariant(
        $"{Wall} {Total:0} ms (click → received {Received:0} → committed {Committed:0} → sent {Sent:0} → hub message {Message:0} → map view {View:0}; panels rendered {Panels:0}; map drawn {Drawn:0}{(Frames.Count > 0 ? "; long frames " + string.Join(" ", Frames) : "")})");
}
