using System.Globalization;
using System.Runtime;
using Microsoft.Playwright;
using Twin.Domain.Engine;
using Twin.Domain.Sensors;
using Twin.Domain.Simulation;
using Twin.Domain.Tickets;
using Twin.LoadTest.Hosting;
using Twin.LoadTest.Hub;

namespace Twin.LoadTest.Wall;

/// <summary>
/// The wall in a real browser (Debian's headless Chromium through Playwright) against the real app
/// in this process, loaded with 5,000 sensors and 10,000 open tickets besides the 21,000 cameras:
/// (a) navigation start → the map holds the district, every camera, sensor and ticket;
/// (b) frames per second while the view flies around the district, against the same flight with
/// the live layers hidden; (c) server memory per open wall, against a blank interactive page.
/// With a baseline map module (<c>--baseline-js</c>, e.g. the previous commit's twinmap.js), each
/// load also runs (a) and (b) with that module served in place of the current one, side by side
/// on the same server, so a change to the map is measured against what it replaced.
/// </summary>
public static class WallBench
{
    private const int SensorCount = 5_000;
    private const int TicketCount = 10_000;
    private static readonly TimeSpan FpsWindow = TimeSpan.FromSeconds(5);
    private static readonly string[] LiveLayers = ["heat", "cameras", "sensors", "tickets", "alarms"];

    // Polls the page's own map module (same URL, so the same module instance) and returns, in
    // milliseconds since navigation start (performance.now()), when each part of the picture was
    // first complete, as [hub connected, basemap, cameras, sensors + tickets, full picture]: the
    // last is the figure, the others say where the time goes.
    private const string FullPictureScript =
        """
        async ([cameras, sensors, tickets]) => {
          const m = await import('/assets/js/twinmap.js');
          const at = {};
          for (;;) {
            const s = m.getStats();
            const c = s.counts;
            const now = performance.now();
            if (s.connected) at.connected ??= now;
            if (c.districtOutline > 0 && c.subdistricts > 0) at.basemap ??= now;
            if (c.cameras >= cameras) at.cameras ??= now;
            if (c.sensors >= sensors && c.tickets >= tickets) at.live ??= now;
            if (at.basemap && at.cameras && at.live) return [at.connected ?? now, at.basemap, at.cameras, at.live, now];
            await new Promise(r => setTimeout(r, 10));
          }
        }
        """;

    // Flies between places in the district (zoom 13, the home view, down to 15, where cameras stop
    // clustering), re-targeting before each flight ends so the view never rests, and counts
    // requestAnimationFrame callbacks: the frames the page actually produced.
    private const string FpsScript =
        """
        async ([durationMs, hidden]) => {
          const m = await import('/assets/js/twinmap.js');
          for (const layer of ['heat', 'cameras', 'sensors', 'tickets', 'alarms']) {
            m.setLayerVisible(layer, !hidden.includes(layer));
          }
          const stops = [[121.36, 31.25, 13], [121.42, 31.27, 14], [121.40, 31.23, 15], [121.38, 31.28, 14]];
          let i = 0;
          m.flyTo(...stops[0], 60000);
          const timer = setInterval(() => { i++; m.flyTo(...stops[i % stops.length], 60000); }, 1200);
          let frames = 0;
          const start = performance.now();
          await new Promise(resolve => {
            const tick = (t) => { frames++; if (t - start < durationMs) requestAnimationFrame(tick); else resolve(); };
            requestAnimationFrame(tick);
          });
          clearInterval(timer);
          const fps = frames * 1000 / (performance.now() - start);
          for (const layer of ['heat', 'cameras', 'sensors', 'tickets', 'alarms']) {
            m.setLayerVisible(layer, true);
          }
          return fps;
        }
        """;

    public static async Task RunAsync(int loads, int walls, string? baselineJsPath)
    {
        var baselineJs = baselineJsPath is null ? null : await File.ReadAllTextAsync(baselineJsPath);
        await using var server = new TwinServer();
        await server.StartAsync();
        await SeedAsync(server);
        var cameras = server.Runtime.Cameras.Count;
        var openTickets = server.Runtime.Pipeline.Current.Tickets.Count(t => t.Status.IsOpen());
        Console.WriteLine($"wall bench: {cameras} cameras, {SensorCount} sensors, {openTickets} open tickets of {TicketCount} reported " +
                          $"({string.Join(", ", server.Runtime.Pipeline.Current.Tickets.CountBy(t => t.Status).Select(p => $"{p.Key} {p.Value}"))}); {loads} loads, {walls} walls");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BenchChromium.LaunchAsync(playwright);

        var current = new MapRun("current twinmap.js", null);
        var baseline = baselineJs is null ? null : new MapRun($"baseline {Path.GetFileName(baselineJsPath)}", baselineJs);
        var interactiveTimes = new List<double>();
        for (var i = 0; i < loads; i++)
        {
            foreach (var run in baseline is null ? [current] : new[] { current, baseline })
            {
                await MeasureMapAsync(browser, server, run, i, cameras);
            }

            // Baseline for the load: the smallest interactive page (same layout, no map) to interactive.
            await using var context = await BenchChromium.NewWallContextAsync(browser, server, 1920, 1080);
            var blank = await context.NewPageAsync();
            await blank.GotoAsync("/not-found", new PageGotoOptions { WaitUntil = WaitUntilState.Commit });
            await blank.Locator("#interactive-marker[data-interactive='true']").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 60_000 });
            interactiveTimes.Add(await blank.EvaluateAsync<double>("() => performance.now()"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  load #{i + 1}: blank page interactive {interactiveTimes[^1]:F0} ms"));
        }

        var blankPerPage = await MemoryPerPageAsync(browser, server, "/not-found", walls);
        var wallPerPage = await MemoryPerPageAsync(browser, server, "/", walls);

        Console.WriteLine();
        Console.WriteLine("| figure | goal | measured (median) | baseline | ratio |");
        Console.WriteLine("|---|---|---:|---:|---:|");
        if (loads > 0)
        {
            foreach (var run in baseline is null ? [current] : new[] { current, baseline })
            {
                Row($"(a) page load → full picture, {run.Name}", "≤ 2,000 ms", $"{Median(run.Load):F0} ms", $"{Median(interactiveTimes):F0} ms (blank page interactive)", Median(run.Load) / Median(interactiveTimes));
                Row($"(b) fps while flying, all layers, {run.Name}", "≥ 30 fps", $"{Median(run.Fps):F1} fps", $"{Median(run.FpsBasemap):F1} fps (basemap only)", Median(run.Fps) / Median(run.FpsBasemap));
            }

            if (baseline is not null)
            {
                Row("(a) full picture: current / baseline module", "—", $"{Median(current.Load):F0} ms", $"{Median(baseline.Load):F0} ms", Median(current.Load) / Median(baseline.Load));
                Row("(b) fps all layers: current / baseline module", "—", $"{Median(current.Fps):F1} fps", $"{Median(baseline.Fps):F1} fps", Median(current.Fps) / Median(baseline.Fps));
            }
        }

        Row($"(c) server GC heap per wall circuit ({walls} open)", "≤ 2 MB", $"{wallPerPage.Heap / 1e6:F2} MB", $"{blankPerPage.Heap / 1e6:F2} MB (blank page)", wallPerPage.Heap / blankPerPage.Heap);
        Row($"(c) server RSS per wall circuit ({walls} open)", "—", $"{wallPerPage.Rss / 1e6:F2} MB", $"{blankPerPage.Rss / 1e6:F2} MB (blank page)", wallPerPage.Rss / blankPerPage.Rss);
    }

    /// <summary>
    /// One load of the wall with a given map module: (a) the full-picture time, (b) fps while flying
    /// with all layers and with the basemap only; on the first load also fps per live layer and a
    /// JavaScript CPU profile of the all-layers flight (where the main thread's time goes).
    /// </summary>
    private static async Task MeasureMapAsync(IBrowser browser, TwinServer server, MapRun run, int load, int cameras)
    {
        await using var context = await BenchChromium.NewWallContextAsync(browser, server, 1920, 1080);
        if (run.Module is { } module)
        {
            // The page imports the fingerprinted URL through its import map; the probes import the plain one.
            await context.RouteAsync("**/assets/js/twinmap*.js", route => route.FulfillAsync(new RouteFulfillOptions
            {
                Status = 200, ContentType = "text/javascript", Body = module,
            }));
        }

        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                Console.WriteLine($"  {run.Name}: browser {message.Type}: {message.Text}");
            }
        };
        await page.GotoAsync("/", new PageGotoOptions { WaitUntil = WaitUntilState.Commit });
        double[] times;
        try
        {
            times = await page.EvaluateAsync<double[]>(FullPictureScript, new[] { cameras, SensorCount, TicketCount }).WaitAsync(TimeSpan.FromSeconds(120));
        }
        catch (TimeoutException)
        {
            var stats = await page.EvaluateAsync<string>("async () => JSON.stringify((await import('/assets/js/twinmap.js')).getStats())");
            throw new TimeoutException($"{run.Name}: no full picture within 120 s; the map holds {stats}");
        }

        var picture = new PictureTimes(times[0], times[1], times[2], times[3], times[4]);
        run.Load.Add(picture.Full);

        var profile = load == 0 ? await JsProfile.StartAsync(page) : null;
        run.Fps.Add(await page.EvaluateAsync<double>(FpsScript, new object[] { FpsWindow.TotalMilliseconds, Array.Empty<string>() }));
        if (profile is not null)
        {
            Console.WriteLine($"  {run.Name}: JS self time while flying with all layers, top functions:");
            foreach (var line in await profile.StopAsync(10))
            {
                Console.WriteLine("    " + line);
            }
        }

        run.FpsBasemap.Add(await page.EvaluateAsync<double>(FpsScript, new object[] { FpsWindow.TotalMilliseconds, LiveLayers }));
        if (load == 0)
        {
            foreach (var layer in LiveLayers)
            {
                var only = await page.EvaluateAsync<double>(FpsScript, new object[] { FpsWindow.TotalMilliseconds, LiveLayers.Where(l => l != layer).ToArray() });
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {run.Name}: fps with the basemap and only '{layer}': {only:F1}"));
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  load #{load + 1}, {run.Name} (ms since navigation start): hub connected {picture.Connected:F0}, basemap {picture.Basemap:F0}, " +
            $"cameras {picture.Cameras:F0}, sensors + tickets {picture.Live:F0}, full picture {picture.Full:F0}; fps {run.Fps[^1]:F1} (basemap only {run.FpsBasemap[^1]:F1})"));
    }

    private sealed record MapRun(string Name, string? Module)
    {
        public List<double> Load { get; } = [];

        public List<double> Fps { get; } = [];

        public List<double> FpsBasemap { get; } = [];
    }

    private static void Row(string figure, string goal, string measured, string baseline, double ratio) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {figure} | {goal} | {measured} | {baseline} | {ratio:F2} |"));

    /// <summary>Registers the sensors (each with one reading, so the map shows a value) and reports the tickets.</summary>
    private static async Task SeedAsync(TwinServer server)
    {
        var runtime = server.Runtime;
        var sensors = await BenchSensors.RegisterAsync(runtime, SensorCount);
        var now = DateTimeOffset.UtcNow;
        await SubmitAllAsync(runtime.Pipeline, sensors.Definitions.Select((d, i) =>
            (TwinCommand)new RecordObservationCommand(new Observation(d.Id, sensors.Values[i], now.AddSeconds(-5)))));

        // Places spread like the fleet (by population, partly in the corridor), from a second seed.
        var places = SensorFleet.Create(runtime.District, new SimulatorOptions { SensorCount = TicketCount, Seed = 7 });
        var categories = runtime.Catalogue.Categories;
        var channels = Enum.GetValues<TicketChannel>();
        await SubmitAllAsync(runtime.Pipeline, places.Select((p, i) => (TwinCommand)new ReportTicketCommand(new TicketReport(
            $"T-BENCH-{i:D5}", channels[i % channels.Length], categories[i % categories.Count].Code, DistinctText(i), DistinctText(i + TicketCount),
            p.Location, "上海市普陀区", null, new Reporter("张三", "13800001234"), now.AddMinutes(-(i % 600))))));

        // Let the broadcaster fold the commits into its layers before the first page asks for a snapshot.
        await Task.Delay(TimeSpan.FromSeconds(1));
    }

    /// <summary>
    /// Six CJK characters drawn per ticket: no two reports share their wording, so the engine's
    /// duplicate check (一口派单) keeps all 10,000 open instead of merging neighbours.
    /// </summary>
    private static string DistinctText(int i)
    {
        var random = new Random(i);
        return string.Concat(Enumerable.Range(0, 6).Select(_ => (char)random.Next(0x4E00, 0x9FA5)));
    }

    private static async Task SubmitAllAsync(Twin.Data.Pipeline.TwinPipeline pipeline, IEnumerable<TwinCommand> commands)
    {
        var results = await Task.WhenAll(commands.Select(c => pipeline.SubmitAsync(c).AsTask()));
        if (!results.All(r => r.Accepted))
        {
            throw new InvalidOperationException($"A seed input was refused: {results.First(r => !r.Accepted).Reason}");
        }
    }

    /// <summary>
    /// Opens <paramref name="count"/> pages (five at a time), each in its own context, waits until each
    /// is interactive, then returns the growth of the server's GC heap and resident memory divided
    /// by the count. The map's own hub connection is blocked in the browser (the map then shows the
    /// basemap only): this is the Blazor circuit's cost (the hub's per-connection cost is in the hub
    /// load test), and 50 maps of 36,000 features each would not fit two cores. The app runs in this process, so both figures
    /// are read here after a full blocking compacting collection.
    /// </summary>
    private static async Task<(double Heap, double Rss)> MemoryPerPageAsync(IBrowser browser, TwinServer server, string path, int count)
    {
        var (heapBefore, rssBefore) = await SettledMemoryAsync();
        var contexts = new List<IBrowserContext>();
        try
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 5 }, async (_, _) =>
            {
                var context = await BenchChromium.NewWallContextAsync(browser, server, 1280, 720);
                lock (contexts)
                {
                    contexts.Add(context);
                }

                // Only the hub: the map retries a failed connection, whereas a failed basemap fetch
                // makes the map's init throw, which ends the whole circuit (TwinMap.OnAfterRenderAsync).
                await context.RouteAsync("**/hubs/twin**", route => route.AbortAsync());
                var page = await context.NewPageAsync();
                await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.Commit, Timeout = 60_000 });
                await page.Locator("#interactive-marker[data-interactive='true']").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 120_000 });
            });

            var (heapAfter, rssAfter) = await SettledMemoryAsync();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {count} × {path}: GC heap {heapBefore / 1e6:F1} → {heapAfter / 1e6:F1} MB, RSS {rssBefore / 1e6:F1} → {rssAfter / 1e6:F1} MB"));
            return ((double)(heapAfter - heapBefore) / count, (double)(rssAfter - rssBefore) / count);
        }
        finally
        {
            foreach (var context in contexts)
            {
                await context.CloseAsync();
            }
        }
    }

    private static async Task<(long Heap, long Rss)> SettledMemoryAsync()
    {
        // In-flight renders and sends finish first; then everything collectable is collected.
        await Task.Delay(TimeSpan.FromSeconds(3));
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        return (GC.GetTotalMemory(forceFullCollection: false), Environment.WorkingSet);
    }

    private sealed record PictureTimes(double Connected, double Basemap, double Cameras, double Live, double Full);

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
