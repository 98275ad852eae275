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
/// </summary>
public static class WallBench
{
    private const int SensorCount = 5_000;
    private const int TicketCount = 10_000;
    private static readonly TimeSpan FpsWindow = TimeSpan.FromSeconds(5);
    private static readonly string[] LiveLayers = ["heat", "cameras", "sensors", "tickets", "alarms"];

    // As the browser tests launch it: no browser download here, and no calls home on a closed network.
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

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

    public static async Task RunAsync(int loads, int walls)
    {
        await using var server = new TwinServer();
        await server.StartAsync();
        await SeedAsync(server);
        var cameras = server.Runtime.Cameras.Count;
        Console.WriteLine($"wall bench: {cameras} cameras, {SensorCount} sensors, {TicketCount} open tickets; {loads} loads, {walls} walls");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ChromiumArgs,
        });

        var loadTimes = new List<double>();
        var interactiveTimes = new List<double>();
        var fps = new List<double>();
        var fpsBasemap = new List<double>();
        for (var i = 0; i < loads; i++)
        {
            await using var context = await NewContextAsync(browser, server, 1920, 1080);
            var page = await context.NewPageAsync();
            await page.GotoAsync("/", new PageGotoOptions { WaitUntil = WaitUntilState.Commit });
            var times = await page.EvaluateAsync<double[]>(FullPictureScript, new[] { cameras, SensorCount, TicketCount }).WaitAsync(TimeSpan.FromSeconds(120));
            var picture = new PictureTimes(times[0], times[1], times[2], times[3], times[4]);
            loadTimes.Add(picture.Full);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  load #{i + 1} (ms since navigation start): hub connected {picture.Connected:F0}, basemap {picture.Basemap:F0}, cameras {picture.Cameras:F0}, sensors + tickets {picture.Live:F0}"));

            // Same page, side by side: the full map, then the basemap alone.
            fps.Add(await page.EvaluateAsync<double>(FpsScript, new object[] { FpsWindow.TotalMilliseconds, Array.Empty<string>() }));
            fpsBasemap.Add(await page.EvaluateAsync<double>(FpsScript, new object[] { FpsWindow.TotalMilliseconds, LiveLayers }));
            if (i == 0)
            {
                // Where the frame time goes: the basemap plus one live layer at a time.
                foreach (var layer in LiveLayers)
                {
                    var only = await page.EvaluateAsync<double>(FpsScript, new object[] { FpsWindow.TotalMilliseconds, LiveLayers.Where(l => l != layer).ToArray() });
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  fps with the basemap and only '{layer}': {only:F1}"));
                }
            }

            // Baseline for the load: the smallest interactive page (same layout, no map) to interactive.
            var blank = await context.NewPageAsync();
            await blank.GotoAsync("/not-found", new PageGotoOptions { WaitUntil = WaitUntilState.Commit });
            await blank.Locator("#interactive-marker[data-interactive='true']").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 60_000 });
            interactiveTimes.Add(await blank.EvaluateAsync<double>("() => performance.now()"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  load #{i + 1}: full picture {loadTimes[^1]:F0} ms (blank page interactive {interactiveTimes[^1]:F0} ms); fps {fps[^1]:F1} (basemap only {fpsBasemap[^1]:F1})"));
        }

        var blankPerPage = await MemoryPerPageAsync(browser, server, "/not-found", walls);
        var wallPerPage = await MemoryPerPageAsync(browser, server, "/", walls);

        Console.WriteLine();
        Console.WriteLine("| figure | goal | measured (median) | baseline | ratio |");
        Console.WriteLine("|---|---|---:|---:|---:|");
        if (loads > 0)
        {
            Row("(a) page load → full picture", "≤ 2,000 ms", $"{Median(loadTimes):F0} ms", $"{Median(interactiveTimes):F0} ms (blank page interactive)", Median(loadTimes) / Median(interactiveTimes));
            Row("(b) fps while flying, all layers", "≥ 30 fps", $"{Median(fps):F1} fps", $"{Median(fpsBasemap):F1} fps (basemap only)", Median(fps) / Median(fpsBasemap));
        }

        Row($"(c) server GC heap per wall circuit ({walls} open)", "≤ 2 MB", $"{wallPerPage.Heap / 1e6:F2} MB", $"{blankPerPage.Heap / 1e6:F2} MB (blank page)", wallPerPage.Heap / blankPerPage.Heap);
        Row($"(c) server RSS per wall circuit ({walls} open)", "—", $"{wallPerPage.Rss / 1e6:F2} MB", $"{blankPerPage.Rss / 1e6:F2} MB (blank page)", wallPerPage.Rss / blankPerPage.Rss);
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
            $"T-BENCH-{i:D5}", channels[i % channels.Length], categories[i % categories.Count].Code, $"压测工单 {i}", "负载测试",
            p.Location, "上海市普陀区", null, new Reporter("张三", "13800001234"), now.AddMinutes(-(i % 600))))));

        // Let the broadcaster fold the commits into its layers before the first page asks for a snapshot.
        await Task.Delay(TimeSpan.FromSeconds(1));
    }

    private static async Task SubmitAllAsync(Twin.Data.Pipeline.TwinPipeline pipeline, IEnumerable<TwinCommand> commands)
    {
        var results = await Task.WhenAll(commands.Select(c => pipeline.SubmitAsync(c).AsTask()));
        if (!results.All(r => r.Accepted))
        {
            throw new InvalidOperationException($"A seed input was refused: {results.First(r => !r.Accepted).Reason}");
        }
    }

    private static Task<IBrowserContext> NewContextAsync(IBrowser browser, TwinServer server, int width, int height) =>
        browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.BaseUrl.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
        });

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
                var context = await NewContextAsync(browser, server, 1280, 720);
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
