using System.Globalization;
using Twin.Domain.Engine;
using Twin.Domain.Sensors;
using Twin.LoadTest.Hosting;

namespace Twin.LoadTest.Hub;

/// <summary>
/// End-to-end latency of the live map feed (observation posted into the pipeline → delta received
/// by each subscriber of /hubs/twin), side by side with a bare SignalR relay of the same events to
/// the same number of clients. For each subscriber count N the clients connect once; then, per
/// repeat, each rate M runs on our stack and then on the relay (warm-up, measuring window, drain).
/// </summary>
public static class HubLoadTest
{
    private const int SensorCount = 2_000;
    private static readonly TimeSpan Warmup = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Drain = TimeSpan.FromSeconds(1.5);

    public static async Task RunAsync(bool quick, int repeats)
    {
        int[] subscriberCounts = quick ? [10, 100] : [10, 100, 500];
        int[] rates = [200, 2000];
        var window = quick ? TimeSpan.FromSeconds(5) : TimeSpan.FromSeconds(10);

        await using var server = new TwinServer();
        await server.StartAsync();
        await using var relay = await RelayServer.StartAsync();
        var sensors = await BenchSensors.RegisterAsync(server.Runtime, SensorCount);
        var log = new EventLog(SensorCount);
        var receipts = new Receipts(log, sensors.Index);
        var results = new List<CellResult>();
        Console.WriteLine($"hub load: {SensorCount} sensors, N ∈ {{{string.Join(", ", subscriberCounts)}}}, M ∈ {{{string.Join(", ", rates)}}} events/s, " +
                          $"{repeats} repeats, window {window.TotalSeconds} s after {Warmup.TotalSeconds} s warm-up, drain {Drain.TotalSeconds} s");

        var wallCookie = await server.WallCookieAsync();
        foreach (var n in subscriberCounts)
        {
            var ours = await ConnectAsync(n, () => new TwinSubscriber(receipts), new Uri(server.BaseUrl, "hubs/twin"), wallCookie);
            var bare = await ConnectAsync(n, () => new RelaySubscriber(receipts), relay.HubUrl, cookie: null);
            try
            {
                for (var repeat = 0; repeat < repeats; repeat++)
                {
                    foreach (var m in rates)
                    {
                        var runtime = server.Runtime;
                        results.Add(await RunCellAsync("ours", n, m, repeat, window, receipts, ours, () => server.Broadcaster.Seq, (_, sensor, at) =>
                        {
                            var command = new RecordObservationCommand(new Observation(sensors.Definitions[sensor].Id, sensors.Values[sensor], at));
                            return runtime.Pipeline.TryPost(command) ? ValueTask.CompletedTask : SubmitAsync(runtime.Pipeline, command);
                        }));
                        results.Add(await RunCellAsync("bare", n, m, repeat, window, receipts, bare, () => relay.Seq,
                            (_, sensor, at) => new ValueTask(relay.SendAsync(sensors.Definitions[sensor].Id, at))));
                    }
                }
            }
            finally
            {
                await Task.WhenAll(ours.Concat(bare).Select(s => s.DisposeAsync().AsTask()));
            }
        }

        Print(results, subscriberCounts, rates);
    }

    /// <summary>When the queue is full the generator waits for room, as the simulator does.</summary>
    private static async ValueTask SubmitAsync(Twin.Data.Pipeline.TwinPipeline pipeline, TwinCommand command) => await pipeline.SubmitAsync(command);

    private static async Task<List<Subscriber>> ConnectAsync(int count, Func<Subscriber> create, Uri url, string? cookie)
    {
        var subscribers = Enumerable.Range(0, count).Select(_ => create()).ToList();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));

        // A few at a time: 500 simultaneous handshakes (each followed by a snapshot) would time out on two cores.
        await Parallel.ForEachAsync(subscribers, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = timeout.Token },
            async (s, ct) => await s.ConnectAsync(url, cookie, ct));
        return subscribers;
    }

    private static async Task<CellResult> RunCellAsync(
        string system, int n, int m, int repeat, TimeSpan window, Receipts receipts, List<Subscriber> subscribers,
        Func<long> serverSeq, Func<long, int, DateTimeOffset, ValueTask> post)
    {
        receipts.Log.ResetWindow();
        receipts.Histogram = new LatencyHistogram();
        await LoadGenerator.RunAsync(receipts.Log, m, Warmup, post);

        foreach (var s in subscribers)
        {
            s.ResetCounters();
        }

        var seqAtStart = serverSeq();
        receipts.Log.OpenWindow();
        var meter = new ProcessMeter();
        var rate = await LoadGenerator.RunAsync(receipts.Log, m, window, post);
        receipts.Log.CloseWindow();
        var (cores, peak) = await meter.StopAsync();
        await meter.DisposeAsync();
        var seqAtEnd = serverSeq();

        // Deltas still in flight at the end of posting get time to arrive; what has not by then is counted.
        await Task.Delay(Drain);
        var histogram = receipts.Histogram;
        var connected = subscribers.Where(s => s.IsConnected).ToList();
        var result = new CellResult(
            system, n, m, repeat, rate,
            histogram.Percentile(0.50), histogram.Percentile(0.95), histogram.Percentile(0.99), histogram.Count,
            (seqAtEnd - seqAtStart) * connected.Count,
            connected.Count,
            connected.Sum(s => s.Lost),
            connected.Sum(s => s.OutOfOrder),
            connected.Sum(s => s.Resyncs),
            connected.Sum(s => s.Behind(seqAtEnd)),
            cores, peak);
        Console.WriteLine(result.Line());
        return result;
    }

    private static void Print(List<CellResult> results, int[] subscriberCounts, int[] rates)
    {
        Console.WriteLine();
        Console.WriteLine("medians over repeats; ratio = median over repeats of (ours p99 / bare p99) measured side by side");
        Console.WriteLine("| N | M/s | system | achieved/s | p50 ms | p95 ms | p99 ms | p99 ratio to bare | connected at end (min) | messages | lost | out of order | resyncs | undelivered after drain | CPU cores | peak WS MiB |");
        Console.WriteLine("|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var n in subscriberCounts)
        {
            foreach (var m in rates)
            {
                var bare = results.Where(r => r is { System: "bare" } && r.N == n && r.M == m).ToList();
                foreach (var system in new[] { "ours", "bare" })
                {
                    var cells = results.Where(r => r.System == system && r.N == n && r.M == m).ToList();
                    var ratio = system == "bare"
                        ? 1.0
                        : Median(cells.Select(c => c.P99 / bare.Single(b => b.Repeat == c.Repeat).P99));
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"| {n} | {m} | {system} | {Median(cells.Select(c => c.Achieved)):F0} | {Median(cells.Select(c => c.P50)):F1} | " +
                        $"{Median(cells.Select(c => c.P95)):F1} | {Median(cells.Select(c => c.P99)):F1} | {ratio:F2} | " +
                        $"{cells.Min(c => c.Connected)} | {cells.Sum(c => c.Messages)} | {cells.Sum(c => c.Lost)} | {cells.Sum(c => c.OutOfOrder)} | {cells.Sum(c => c.Resyncs)} | {cells.Sum(c => c.Undelivered)} | " +
                        $"{Median(cells.Select(c => c.Cores)):F2} | {cells.Max(c => c.PeakWorkingSet) / 1048576.0:F0} |"));
                }
            }
        }
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN
            : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2]
            : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private sealed record CellResult(
        string System, int N, int M, int Repeat, double Achieved, double P50, double P95, double P99, long Samples,
        long Messages, int Connected, long Lost, long OutOfOrder, long Resyncs, long Undelivered, double Cores, long PeakWorkingSet)
    {
        public string Line() => string.Create(CultureInfo.InvariantCulture,
            $"  {System} N={N} M={M} #{Repeat + 1}: {Achieved:F0}/s, p50 {P50:F1} p95 {P95:F1} p99 {P99:F1} ms ({Samples} receipts), " +
            $"{Connected}/{N} connected, {Messages} msgs, lost {Lost}, out of order {OutOfOrder}, resyncs {Resyncs}, undelivered {Undelivered}, CPU {Cores:F2} cores, peak WS {PeakWorkingSet / 1048576.0:F0} MiB");
    }
}
