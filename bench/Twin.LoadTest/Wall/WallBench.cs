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
/// With baseline map modules (<c>--baseline-js</c>, repeatable, e.g. earlier commits' twinmap.js),
/// each load also runs (a) and (b) with each of them served in place of the current one, side by
/// side on the same server, so a change to the map is measured against what it replaced.
/// </summary>
public static class WallBench
{
    private const int SensorCount = 5_000;
    private const int TicketCount = 10_000;
    private static readonly TimeSpan FpsWindow = TimeSpan.FromSeconds(5);
    private static readonly string[] LiveLayers = ["heat", "cameras", "sensors", "tickets", "alarms"];

    // The app's smallest interactive page: the wall's layout (MudBlazor providers, the interactive
    // marker) and three paragraphs, no map. /not-found became a static page with the accounts.
    private const string BlankInteractivePage = "/Error";


    // Polls the page's own map module (same URL, so the same module instance) and returns, in
    // milliseconds since navigation start (performance.now()), when each part of the picture was
    // first complete, as [hub connected, basemap, cameras, sensors + tickets, full picture,
    // circuit interactive]: the fifth is the figure, the others say where the time goes. Parts
    // count when their features are in the map's sources; the full picture once the map has also
    // drawn them.
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
            if (document.querySelector("#interactive-marker[data-interactive='true']")) at.interactive ??= now;
            if (at.basemap && at.cameras && at.live) {
              if (m.whenRendered) await m.whenRendered();
              else await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
              return [at.connected ?? now, at.basemap, at.cameras, at.live, performance.now(), at.interactive ?? -1];
            }
            await new Promise(r => setTimeout(r, 10));
          }
        }
        """;

    // When the page's key requests started and ended (ms since navigation start): where the wait is.
    private const string RequestTimesScript =
        """
        () => performance.getEntriesByType('resource')
          .filter(e => /twinmap|cameras\.|\/geo\/|corridor|negotiate/.test(e.name))
          .map(e => `${e.name.replace(/^.*\//, '').replace(/\?.*$/, '')} ${Math.round(e.startTime)}→${Math.round(e.responseEnd)}`)
          .concat(performance.getEntriesByType('measure').filter(e => e.name.startsWith('twinmap:'))
            .map(e => `${e.name} ${Math.round(e.startTime)}→${Math.round(e.startTime + e.duration)}`))
          .join(', ')
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

    public static async Task RunAsync(int loads, int walls, IReadOnlyList<string> baselineJsPaths)
    {
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
        var baselines = new List<MapRun>();
        foreach (var path in baselineJsPaths)
        {
            baselines.Add(new MapRun($"baseline {Path.GetFileName(path)}", await File.ReadAllTextAsync(path)));
        }

        MapRun[] runs = [current, .. baselines];
        var interactiveTimes = new List<double>();
        for (var i = 0; i < loads; i++)
        {
            foreach (var run in runs)
            {
                await MeasureMapAsync(browser, server, run, i, cameras);
            }

            // Baseline for the load: the smallest interactive page (same layout, no map) to interactive.
            await using var context = await BenchChromium.NewWallContextAsync(browser, server, 1920, 1080);
            var blankPage = await context.NewPageAsync();
            await blankPage.GotoAsync(BlankInteractivePage, new PageGotoOptions { WaitUntil = WaitUntilState.Commit });
            await blankPage.Locator("#interactive-marker[data-interactive='true']").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 60_000 });
            interactiveTimes.Add(await blankPage.EvaluateAsync<double>("() => performance.now()"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  load #{i + 1}: blank page interactive {interactiveTimes[^1]:F0} ms"));
        }

        var blankMemory = walls > 0 ? await MemoryPerPageAsync(browser, server, BlankInteractivePage, walls) : null;
        var wallMemory = walls > 0 ? await MemoryPerPageAsync(browser, server, "/", walls) : null;

        Console.WriteLine();
        Console.WriteLine("| figure | goal | measured (median) | baseline | ratio |");
        Console.WriteLine("|---|---|---:|---:|---:|");
        if (loads > 0)
        {
            foreach (var run in runs)
            {
                Row($"(a) page load → full picture, {run.Name}", "≤ 2,000 ms", $"{Median(run.Load):F0} ms", $"{Median(interactiveTimes):F0} ms (blank page interactive)", Median(run.Load) / Median(interactiveTimes));
                Row($"(b) fps while flying, all layers, {run.Name}", "≥ 30 fps", $"{Median(run.Fps):F1} fps", $"{Median(run.FpsBasemap):F1} fps (basemap only)", Median(run.Fps) / Median(run.FpsBasemap));
            }

            foreach (var baseline in baselines)
            {
                Row($"(a) full picture: current / {baseline.Name}", "—", $"{Median(current.Load):F0} ms", $"{Median(baseline.Load):F0} ms", Median(current.Load) / Median(baseline.Load));
                Row($"(b) fps all layers: current / {baseline.Name}", "—", $"{Median(current.Fps):F1} fps", $"{Median(baseline.Fps):F1} fps", Median(current.Fps) / Median(baseline.Fps));
            }
        }

        if (blankMemory is not { } blank || wallMemory is not { } wall)
        {
            return;
        }

        Row($"(c) server GC heap per open wall, its circuit and its hub connection ({walls} open), slope while opening", "≤ 2 MB", $"{wall.HeapSlope / 1e6:F2} MB", $"{blank.HeapSlope / 1e6:F2} MB (blank page)", wall.HeapSlope / blank.HeapSlope);
        Row($"(c) server GC heap released per wall when the {walls} leave", "≤ 2 MB", $"{wall.HeapReleased / 1e6:F2} MB", $"{blank.HeapReleased / 1e6:F2} MB (blank page)", wall.HeapReleased / blank.HeapReleased);
        Row($"(c) server RSS per open wall ({walls} open), slope while opening", "—", $"{wall.RssSlope / 1e6:F2} MB", $"{blank.RssSlope / 1e6:F2} MB (blank page)", wall.RssSlope / blank.RssSlope);
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

        var picture = new PictureTimes(times[0], times[1], times[2], times[3], times[4], times[5]);
        Console.WriteLine($"  load #{load + 1}, {run.Name}: requests (ms) {await page.EvaluateAsync<string>(RequestTimesScript)}");
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
            $"  load #{load + 1}, {run.Name} (ms since navigation start): circuit interactive {picture.Interactive:F0}, hub connected {picture.Connected:F0}, basemap {picture.Basemap:F0}, " +
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
    /// Opens <paramref name="count"/> pages one after another, each in its own browser context (its
    /// own cookie, circuit and, for the wall, its own hub connection), and waits until each is
    /// interactive and, for the wall, until its hub snapshot has arrived: one wall at a time, each
    /// with its map module replaced by hub-only-map.js (connects and receives like the map, draws
    /// nothing; the server cannot tell the difference). The app runs in this process; its
    /// memory is read after a full blocking compacting collection at checkpoints (10, 25, … pages
    /// open) and once more after every page has left. Two figures per page: the least-squares slope
    /// of memory against pages open through the checkpoints (what opening one more costs, pools
    /// and caches the server fills on the way included), and the memory released when all pages
    /// leave, divided by their number (what the open pages themselves hold).
    /// </summary>
    private static async Task<PageMemory> MemoryPerPageAsync(IBrowser browser, TwinServer server, string path, int count)
    {
        var points = new List<(int Pages, long Heap, long Rss)>();
        var (heap0, rss0) = await SettledMemoryAsync();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  0 × {path} open: GC heap {heap0 / 1e6:F1} MB, RSS {rss0 / 1e6:F1} MB"));
        var pages = new List<IPage>();
        for (var opened = 1; opened <= count; opened++)
        {
            var context = await BenchChromium.NewWallContextAsync(browser, server, 1280, 720);
            await context.RouteAsync("**/assets/js/twinmap*.js", route => route.FulfillAsync(new RouteFulfillOptions
            {
                Status = 200, ContentType = "text/javascript", Body = HubOnlyMap.Value,
            }));
            var page = await context.NewPageAsync();
            pages.Add(page);
            await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.Commit, Timeout = 60_000 });
            await page.Locator("#interactive-marker[data-interactive='true']").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 180_000 });
            if (path == "/")
            {
                await page.WaitForFunctionAsync("async () => (await import('/assets/js/twinmap.js')).getStats().snapshots > 0", null, new() { Timeout = 180_000, PollingInterval = 100 });
            }

            if (opened == count || MemoryCheckpoints.Contains(opened))
            {
                var (heap, rss) = await SettledMemoryAsync();
                points.Add((opened, heap, rss));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {opened} × {path} open: GC heap {heap / 1e6:F1} MB, RSS {rss / 1e6:F1} MB"));
            }
        }

        foreach (var page in pages)
        {
            // Leaving the page tells the server its circuit is gone (Blazor's disconnect beacon);
            // closing the tab alone would leave the circuit retained for minutes.
            await page.GotoAsync("about:blank");
            await page.Context.CloseAsync();
        }

        // A circuit whose disconnect beacon was lost is kept for the app's retention period (3 min).
        var stillOpen = await server.Circuits.WaitForNoneAsync(TimeSpan.FromMinutes(4));
        var (heapLeft, rssLeft) = await SettledMemoryAsync();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  all {count} × {path} left: GC heap {heapLeft / 1e6:F1} MB, RSS {rssLeft / 1e6:F1} MB; circuits still open: {stillOpen}"));
        return new PageMemory(
            points.Count < 2 ? (double)(points[0].Heap - heap0) / count : Slope(points.Select(p => (p.Pages, (double)p.Heap))),
            points.Count < 2 ? (double)(points[0].Rss - rss0) / count : Slope(points.Select(p => (p.Pages, (double)p.Rss))),
            (double)(points[^1].Heap - heapLeft) / count);
    }

    private sealed record PageMemory(double HeapSlope, double RssSlope, double HeapReleased);

    // Full walls drawn in software: fifty of them in one browser are more than 2 cores run (two runs
    // of session 4 stopped at the 26th wall, even with each wall's window shrunk once loaded).
    private static readonly Lazy<string> HubOnlyMap = new(() => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Wall", "hub-only-map.js")));

    private static readonly int[] MemoryCheckpoints = [10, 25];

    private static double Slope(IEnumerable<(int X, double Y)> points)
    {
        var list = points.ToList();
        var meanX = list.Average(p => p.X);
        var meanY = list.Average(p => p.Y);
        return list.Sum(p => (p.X - meanX) * (p.Y - meanY)) / list.Sum(p => (p.X - meanX) * (p.X - meanX));
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

    // Interactive is -1 when the picture was complete before the circuit was.
    private sealed record PictureTimes(double Connected, double Basemap, double Cameras, double Live, double Full, double Interactive);

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
