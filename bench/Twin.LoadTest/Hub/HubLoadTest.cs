using System.Diagnostics;
using System.Globalization;
using Twin.Domain.Engine;
using Twin.Domain.Sensors;
using Twin.LoadTest.Hosting;

namespace Twin.LoadTest.Hub;

/// <summary>
/// End-to-end latency of the live map feed (observation posted into the pipeline → delta received
/// by each subscriber of /hubs/twin), side by side with a bare SignalR relay of the same events to
/// the same number of clients. Server and relay run in this process; the clients run in subscriber
/// processes of their own (<see cref="SubscriberProcess"/>). For each subscriber count N the clients
/// connect once; then, per repeat, each rate M runs on our stack and then on the relay (warm-up,
/// measuring window, drain).
/// </summary>
public static class HubLoadTest
{
    private const int SensorCount = 2_000;
    private static readonly TimeSpan Warmup = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Drain = TimeSpan.FromSeconds(1.5);

    public static async Task RunAsync(HubLoadOptions options)
    {
        await using var server = new TwinServer();
        await server.StartAsync();
        await using var relay = await RelayServer.StartAsync();
        var sensors = await BenchSensors.RegisterAsync(server.Runtime, SensorCount);
        using var log = EventLog.Create(SensorCount);
        server.Probe.Log = log;
        server.Runtime.Pipeline.Committed += server.Probe.OnCommitted;
        await using var clients = SubscriberProcesses.Start(options.Processes, log);
        using var serverProcess = Process.GetCurrentProcess();
        var results = new List<CellResult>();
        Console.WriteLine($"hub load: {SensorCount} sensors, N ∈ {{{string.Join(", ", options.Subscribers)}}}, M ∈ {{{string.Join(", ", options.Rates)}}} events/s, " +
                          $"{options.Repeats} repeats, window {options.Window.TotalSeconds} s after {Warmup.TotalSeconds} s warm-up, drain {Drain.TotalSeconds} s; " +
                          $"subscribers in {options.Processes} process(es) apart from the server's");

        var wallCookie = await server.WallCookieAsync();
        var runtime = server.Runtime;
        var cells = new CellRunner(log, clients, serverProcess, server.Probe);
        foreach (var n in options.Subscribers)
        {
            var connected = await clients.ConnectAsync("ours", new Uri(server.BaseUrl, "hubs/twin"), n, wallCookie)
                + await clients.ConnectAsync("bare", relay.HubUrl, n, cookie: null);
            Console.WriteLine($"  N={n}: {connected} of {2 * n} clients connected");
            try
            {
                for (var repeat = 0; repeat < options.Repeats; repeat++)
                {
                    foreach (var m in options.Rates)
                    {
                        results.Add(await cells.RunAsync("ours", n, m, repeat, options.Window, () => server.Broadcaster.Seq, (sensor, at) =>
                        {
                            var command = new RecordObservationCommand(new Observation(sensors.Definitions[sensor].Id, sensors.Values[sensor], at));
                            return runtime.Pipeline.TryPost(command) ? ValueTask.CompletedTask : SubmitAsync(runtime.Pipeline, command);
                        }));
                        results.Add(await cells.RunAsync("bare", n, m, repeat, options.Window, () => relay.Seq,
                            (sensor, at) => new ValueTask(relay.SendAsync(sensors.Definitions[sensor].Id, at))));
                    }
                }
            }
            finally
            {
                await clients.DisconnectAsync("ours");
                await clients.DisconnectAsync("bare");
            }
        }

        Print(results, options);
    }

    /// <summary>When the queue is full the generator waits for room, as the simulator does.</summary>
    private static async ValueTask SubmitAsync(Twin.Data.Pipeline.TwinPipeline pipeline, TwinCommand command) => await pipeline.SubmitAsync(command);

    private sealed class CellRunner(EventLog log, SubscriberProcesses clients, Process serverProcess, StageProbe probe)
    {
        public async Task<CellResult> RunAsync(
            string system, int n, int m, int repeat, TimeSpan window, Func<long> serverSeq, Func<int, DateTimeOffset, ValueTask> post)
        {
            log.ResetWindow();
            await LoadGenerator.RunAsync(log, m, Warmup, post);
            await clients.ResetAsync(system);
            probe.Reset();
            probe.Connections = n;

            var seqAtStart = serverSeq();
            log.OpenWindow();
            await using var serverMeter = new ProcessMeter([serverProcess]);
            await using var clientMeter = new ProcessMeter(clients.Processes);
            var rate = await LoadGenerator.RunAsync(log, m, window, post);
            log.CloseWindow();
            var (serverCores, serverPeak) = await serverMeter.StopAsync();
            var (clientCores, _) = await clientMeter.StopAsync();
            var seqAtEnd = serverSeq();

            // Deltas still in flight at the end of posting get time to arrive; what has not by then is counted.
            await Task.Delay(Drain);
            var histogram = new LatencyHistogram();
            var report = await clients.ReportAsync(system, seqAtEnd, histogram);
            var (committed, sending, allSent) = system == "ours" ? (probe.Committed, probe.Sending, probe.AllSent) : (null, null, null);
            var result = new CellResult(
                system, n, m, repeat, rate,
                histogram.Percentile(0.50), histogram.Percentile(0.95), histogram.Percentile(0.99), histogram.Count,
                committed?.Percentile(0.50) ?? double.NaN, committed?.Percentile(0.99) ?? double.NaN,
                sending?.Percentile(0.50) ?? double.NaN, sending?.Percentile(0.99) ?? double.NaN,
                allSent?.Percentile(0.50) ?? double.NaN, allSent?.Percentile(0.99) ?? double.NaN,
                (seqAtEnd - seqAtStart) * report.Connected,
                report.Connected, report.Lost, report.OutOfOrder, report.Resyncs, report.Behind,
                serverCores, serverPeak, clientCores);
            Console.WriteLine(result.Line());
            await SettleAsync(system, seqAtEnd);
            return result;
        }

        /// <summary>
        /// Waits (up to a minute, not counted) until the clients have taken what the cell sent: a
        /// backlog left in the sockets would otherwise be read during the next cell, by the same
        /// processes, and counted against the other system.
        /// </summary>
        private async Task SettleAsync(string system, long seqAtEnd)
        {
            var settling = Stopwatch.StartNew();
            SubscriberReport report;
            while ((report = await clients.ReportAsync(system, seqAtEnd, new LatencyHistogram())).Behind > 0 && settling.Elapsed < TimeSpan.FromMinutes(1))
            {
                await Task.Delay(500);
            }

            if (report.Behind > 0)
            {
                Console.WriteLine($"    {system}: still {report.Behind} messages behind after a minute of settling");
            }
        }
    }

    private static void Print(List<CellResult> results, HubLoadOptions options)
    {
        Console.WriteLine();
        Console.WriteLine("medians over repeats; ratio = median over repeats of (ours p99 / bare p99) measured side by side; " +
                          "committed / first send / all sent = the server's stages for ours (post → on disk and raised; post → delta handed to the first connection; post → its send to every connection completed)");
        Console.WriteLine("| N | M/s | system | achieved/s | p50 ms | p95 ms | p99 ms | p99 ratio to bare | committed p50 / p99 ms | first send p50 / p99 ms | all sent p50 / p99 ms | connected at end (min) | messages | lost | out of order | resyncs | undelivered after drain | server CPU cores | server peak WS MiB | clients CPU cores |");
        Console.WriteLine("|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var n in options.Subscribers)
        {
            foreach (var m in options.Rates)
            {
                var bare = results.Where(r => r is { System: "bare" } && r.N == n && r.M == m).ToList();
                foreach (var system in new[] { "ours", "bare" })
                {
                    var cells = results.Where(r => r.System == system && r.N == n && r.M == m).ToList();
                    var ratio = system == "bare"
                        ? 1.0
                        : Median(cells.Select(c => c.P99 / bare.Single(b => b.Repeat == c.Repeat).P99));
                    var stages = system == "bare" ? "— | — | —" : string.Create(CultureInfo.InvariantCulture,
                        $"{Median(cells.Select(c => c.CommittedP50)):F1} / {Median(cells.Select(c => c.CommittedP99)):F1} | {Median(cells.Select(c => c.SendingP50)):F1} / {Median(cells.Select(c => c.SendingP99)):F1} | " +
                        $"{Median(cells.Select(c => c.AllSentP50)):F1} / {Median(cells.Select(c => c.AllSentP99)):F1}");
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"| {n} | {m} | {system} | {Median(cells.Select(c => c.Achieved)):F0} | {Median(cells.Select(c => c.P50)):F1} | " +
                        $"{Median(cells.Select(c => c.P95)):F1} | {Median(cells.Select(c => c.P99)):F1} | {ratio:F2} | {stages} | " +
                        $"{cells.Min(c => c.Connected)} | {cells.Sum(c => c.Messages)} | {cells.Sum(c => c.Lost)} | {cells.Sum(c => c.OutOfOrder)} | {cells.Sum(c => c.Resyncs)} | {cells.Sum(c => c.Undelivered)} | " +
                        $"{Median(cells.Select(c => c.ServerCores)):F2} | {cells.Max(c => c.ServerPeakWorkingSet) / 1048576.0:F0} | {Median(cells.Select(c => c.ClientCores)):F2} |"));
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
        double CommittedP50, double CommittedP99, double SendingP50, double SendingP99, double AllSentP50, double AllSentP99,
        long Messages, int Connected, long Lost, long OutOfOrder, long Resyncs, long Undelivered,
        double ServerCores, long ServerPeakWorkingSet, double ClientCores)
    {
        public string Line() => string.Create(CultureInfo.InvariantCulture,
            $"  {System} N={N} M={M} #{Repeat + 1}: {Achieved:F0}/s, p50 {P50:F1} p95 {P95:F1} p99 {P99:F1} ms ({Samples} receipts)") +
            (System == "ours" ? string.Create(CultureInfo.InvariantCulture, $", committed p50 {CommittedP50:F1} p99 {CommittedP99:F1}, first send p50 {SendingP50:F1} p99 {SendingP99:F1}, all sent p50 {AllSentP50:F1} p99 {AllSentP99:F1}") : "") +
            string.Create(CultureInfo.InvariantCulture, $", {Connected}/{N} connected, {Messages} msgs, lost {Lost}, out of order {OutOfOrder}, resyncs {Resyncs}, undelivered {Undelivered}, " +
            $"server CPU {ServerCores:F2} cores, peak WS {ServerPeakWorkingSet / 1048576.0:F0} MiB, clients CPU {ClientCores:F2} cores");
    }
}

/// <summary>The hub load's shape: which N and M, how long, how often, and over how many subscriber processes.</summary>
public sealed record HubLoadOptions(int[] Subscribers, int[] Rates, TimeSpan Window, int Repeats, int Processes);
