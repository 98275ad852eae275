using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using Twin.Domain.Engine;
using Twin.Domain.Sensors;
using Twin.LoadTest.Hosting;
using Twin.LoadTest.Hub;
using Twin.LoadTest.Wall;

namespace Twin.LoadTest.Browser;

/// <summary>
/// Engine event → wall browser: readings are posted into the running twin at a steady rate, and the
/// wall's own map (Debian's headless Chromium, signed in as the wall) notes when each reading's
/// delta has been applied to the map, and when the next animation frame after it began. In the same
/// run, on the same hub, a .NET SignalR client following the same protocol receives the same
/// deltas: the baseline that says how much of the latency the browser adds.
/// </summary>
public static class BrowserLatencyBench
{
    private const int SensorCount = 5_000;
    private static readonly TimeSpan Warmup = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Drain = TimeSpan.FromSeconds(3);

    // Registered after the map's own 'Delta' handler (SignalR calls handlers in order), so its time
    // is taken once the map has applied the delta; the frame time is the next requestAnimationFrame.
    private const string ProbeScript =
        """
        async () => {
          const m = await import('/assets/js/twinmap.js');
          const records = [];
          window.__latency = records;
          window.__mapEvents = { rendered: 0, resized: 0 };
          m.addOverlay({
            attach(ctx) {
              ctx.map.on('postrender', () => window.__mapEvents.rendered++);
              ctx.map.on('change:size', () => window.__mapEvents.resized++);
              ctx.connection.on('Delta', (delta) => {
                const applied = performance.timeOrigin + performance.now();
                const batch = [];
                for (const u of delta.sensorUpdates ?? []) if (u.observedAt) batch.push([u.id, u.observedAt, applied, 0]);
                for (const f of delta.upserts ?? []) {
                  if (f.properties?.layer === 'sensors' && f.properties.observedAt) batch.push([f.id, f.properties.observedAt, applied, 0]);
                }
                records.push(...batch);
                requestAnimationFrame(() => {
                  const frame = performance.timeOrigin + performance.now();
                  for (const r of batch) r[3] = frame;
                });
              });
            },
            detach() {},
          });
        }
        """;

    private const string WaitForSensorsScript =
        """
        async (sensors) => {
          const m = await import('/assets/js/twinmap.js');
          for (;;) {
            const s = m.getStats();
            if (s.connected && (s.counts.sensors ?? 0) >= sensors) return;
            await new Promise(r => setTimeout(r, 50));
          }
        }
        """;

    /// <param name="baselineJs">A map module served in place of the current one for a side-by-side run, e.g. the previous commit's.</param>
    public static async Task RunAsync(int rate, int repeats, string? baselineJs)
    {
        await using var server = new TwinServer();
        await server.StartAsync();
        var sensors = await BenchSensors.RegisterAsync(server.Runtime, SensorCount);
        var log = new Hub.EventLog(SensorCount);
        var receipts = new Receipts(log, sensors.Index);
        Console.WriteLine($"browser latency: {SensorCount} sensors, {rate} events/s, {repeats} repeats, window {Window.TotalSeconds} s after {Warmup.TotalSeconds} s warm-up");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BenchChromium.LaunchAsync(playwright);
        await using var native = new TwinSubscriber(receipts);
        await native.ConnectAsync(new Uri(server.BaseUrl, "hubs/twin"), await server.WallCookieAsync(), CancellationToken.None);

        var modules = baselineJs is null
            ? new[] { ("current", (string?)null) }
            : [("current", null), ("baseline", await File.ReadAllTextAsync(baselineJs))];
        var cells = new List<Cell>();
        for (var repeat = 0; repeat < repeats; repeat++)
        {
            foreach (var (name, module) in modules)
            {
                var cell = await MeasureAsync(browser, server, name, module, rate, sensors, receipts, profile: repeat == 0);
                cells.Add(cell);
                Console.WriteLine(cell.Line(repeat));
            }
        }

        Print(rate, cells);
    }

    /// <summary>One window with a fresh wall page: load it, wait for every sensor, then post and collect.</summary>
    private static async Task<Cell> MeasureAsync(
        IBrowser browser, TwinServer server, string name, string? module, int rate, BenchSensors sensors, Receipts receipts, bool profile)
    {
        await using var context = await BenchChromium.NewWallContextAsync(browser, server, 1920, 1080);
        if (module is not null)
        {
            await context.RouteAsync("**/assets/js/twinmap*.js", route => route.FulfillAsync(new RouteFulfillOptions
            {
                Status = 200, ContentType = "text/javascript", Body = module,
            }));
        }

        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                Console.WriteLine($"  {name}: browser error: {message.Text}");
            }
        };
        await page.GotoAsync("/");
        await page.EvaluateAsync(WaitForSensorsScript, SensorCount).WaitAsync(TimeSpan.FromMinutes(3));
        await page.EvaluateAsync(ProbeScript);

        var log = receipts.Log;
        var pipeline = server.Runtime.Pipeline;
        log.ResetWindow();
        receipts.Histogram = new LatencyHistogram();
        await LoadGenerator.RunAsync(log, rate, Warmup, (_, sensor, at) => Post(pipeline, sensors, sensor, at));
        await page.EvaluateAsync("() => { window.__latency.length = 0; window.__mapEvents.rendered = 0; window.__mapEvents.resized = 0; }");

        var first = log.Next;
        var js = profile ? await JsProfile.StartAsync(page) : null;
        log.OpenWindow();
        var clock = new EpochClock();
        var achieved = await LoadGenerator.RunAsync(log, rate, Window, (_, sensor, at) => Post(pipeline, sensors, sensor, at));
        log.CloseWindow();
        var posted = log.Next - first;
        var mapEvents = await page.EvaluateAsync<JsonElement>("() => ({ ...window.__mapEvents })");
        Console.WriteLine($"  {name}: during the window the map rendered {mapEvents.GetProperty("rendered")} frames and changed size {mapEvents.GetProperty("resized")} times");
        if (js is not null)
        {
            Console.WriteLine($"  {name}: the wall page's JS self time during the window, top functions:");
            foreach (var line in await js.StopAsync(10))
            {
                Console.WriteLine("    " + line);
            }
        }

        await Task.Delay(Drain);
        var applied = new LatencyHistogram();
        var framed = new LatencyHistogram();
        var records = await page.EvaluateAsync<JsonElement>("() => window.__latency.splice(0)");
        var seen = new HashSet<long>();
        foreach (var record in records.EnumerateArray())
        {
            var observedAt = DateTimeOffset.Parse(record[1].GetString()!, CultureInfo.InvariantCulture);
            if (log.EventOf(observedAt) is var k and >= 0 && seen.Add(k))
            {
                log.Received(k, clock.TimestampOf(record[2].GetDouble()), applied);
                if (record[3].GetDouble() > 0)
                {
                    log.Received(k, clock.TimestampOf(record[3].GetDouble()), framed);
                }
            }
        }

        return new Cell(name, achieved, posted, applied, framed, receipts.Histogram);
    }

    private static ValueTask Post(Twin.Data.Pipeline.TwinPipeline pipeline, BenchSensors sensors, int sensor, DateTimeOffset at)
    {
        var command = new RecordObservationCommand(new Observation(sensors.Definitions[sensor].Id, sensors.Values[sensor], at));
        return pipeline.TryPost(command) ? ValueTask.CompletedTask : SubmitAsync(pipeline, command);
    }

    private static async ValueTask SubmitAsync(Twin.Data.Pipeline.TwinPipeline pipeline, TwinCommand command) => await pipeline.SubmitAsync(command);

    private static void Print(int rate, List<Cell> cells)
    {
        static double Median(IEnumerable<double> values)
        {
            var sorted = values.Order().ToArray();
            return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
        }

        Console.WriteLine();
        Console.WriteLine("medians over repeats; ratio = median over repeats of (browser p99 / .NET client p99 in the same window), same hub, same run");
        Console.WriteLine("| M/s | map module | receiver | p50 ms | p95 ms | p99 ms | p99 ratio to .NET client | received of posted |");
        Console.WriteLine("|---:|---|---|---:|---:|---:|---:|---:|");
        foreach (var module in cells.Select(c => c.Module).Distinct())
        {
            var rows = cells.Where(c => c.Module == module).ToList();
            void Line(string receiver, Func<Cell, LatencyHistogram> pick) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {rate} | {module} | {receiver} | {Median(rows.Select(r => pick(r).Percentile(0.5))):F1} | {Median(rows.Select(r => pick(r).Percentile(0.95))):F1} | " +
                $"{Median(rows.Select(r => pick(r).Percentile(0.99))):F1} | {Median(rows.Select(r => pick(r).Percentile(0.99) / r.Native.Percentile(0.99))):F2} | " +
                $"{rows.Sum(r => pick(r).Count)} of {rows.Sum(r => r.Posted)} |"));
            Line("wall browser, delta applied to the map", r => r.Applied);
            Line("wall browser, next animation frame", r => r.Framed);
            Line(".NET SignalR client (baseline)", r => r.Native);
        }
    }

    private sealed record Cell(string Module, double Achieved, long Posted, LatencyHistogram Applied, LatencyHistogram Framed, LatencyHistogram Native)
    {
        public string Line(int repeat) => string.Create(CultureInfo.InvariantCulture,
            $"  {Module} #{repeat + 1}: {Achieved:F0}/s posted {Posted}; browser applied p50 {Applied.Percentile(0.5):F1} p99 {Applied.Percentile(0.99):F1} ms ({Applied.Count}); " +
            $"next frame p50 {Framed.Percentile(0.5):F1} p99 {Framed.Percentile(0.99):F1} ms; .NET client p50 {Native.Percentile(0.5):F1} p99 {Native.Percentile(0.99):F1} ms ({Native.Count})");
    }

    /// <summary>
    /// Maps the browser's clock (ms since the Unix epoch: performance.timeOrigin + now()) onto this
    /// process's Stopwatch, which the event log stamps posts with. Both read the same system clock.
    /// </summary>
    private sealed class EpochClock
    {
        private readonly long _timestamp = Stopwatch.GetTimestamp();
        private readonly double _epochMs = (DateTimeOffset.UtcNow - DateTimeOffset.UnixEpoch).TotalMilliseconds;

        public long TimestampOf(double epochMs) => _timestamp + (long)((epochMs - _epochMs) * Stopwatch.Frequency / 1000);
    }
}
