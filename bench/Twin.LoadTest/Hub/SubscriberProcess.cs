using System.Diagnostics;
using System.Text.Json;

namespace Twin.LoadTest.Hub;

/// <summary>An order from the load test to a subscriber process, one JSON line on its standard input.</summary>
public sealed record SubscriberOrder(string Op, string System, string? Url = null, int Count = 0, string? Cookie = null, long SeqAtEnd = 0);

/// <summary>What a subscriber process's clients of one system saw since the last reset.</summary>
public sealed record SubscriberReport(int Connected, long Lost, long OutOfOrder, long Resyncs, long Behind, long[][] Buckets);

/// <summary>
/// The subscriber side in its own process (<c>Twin.LoadTest hub-subscribers &lt;event log&gt; &lt;sensors&gt;</c>):
/// the server's process then gets its own CPU and memory, measured apart from the N clients that
/// read the stream, as a command hall's screens are other machines. Orders come as JSON lines on
/// standard input, each answered by one JSON line on standard output; the process ends with its input.
/// </summary>
public static class SubscriberProcess
{
    public const string Mode = "hub-subscribers";

    public static async Task<int> RunAsync(string eventLogPath, int sensorCount)
    {
        using var log = EventLog.Open(eventLogPath, sensorCount);
        var receipts = new Dictionary<string, Receipts>();
        var subscribers = new Dictionary<string, List<Subscriber>>();
        try
        {
            while (await Console.In.ReadLineAsync() is { } line)
            {
                var order = JsonSerializer.Deserialize<SubscriberOrder>(line, JsonSerializerOptions.Web)!;
                var shared = receipts.TryGetValue(order.System, out var r) ? r : receipts[order.System] = new Receipts(log);
                object answer;
                switch (order.Op)
                {
                    case "connect":
                        var clients = await ConnectAsync(order, shared);
                        subscribers[order.System] = clients;
                        answer = clients.Count;
                        break;
                    case "reset":
                        shared.Histogram = new LatencyHistogram();
                        foreach (var s in subscribers[order.System])
                        {
                            s.ResetCounters();
                        }

                        answer = "ok";
                        break;
                    case "report":
                        var connected = subscribers[order.System].Where(s => s.IsConnected).ToList();
                        answer = new SubscriberReport(
                            connected.Count,
                            connected.Sum(s => s.Lost),
                            connected.Sum(s => s.OutOfOrder),
                            connected.Sum(s => s.Resyncs),
                            connected.Sum(s => s.Behind(order.SeqAtEnd)),
                            shared.Histogram.NonEmpty());
                        break;
                    case "disconnect":
                        await DisposeAllAsync(subscribers.GetValueOrDefault(order.System) ?? []);
                        subscribers.Remove(order.System);
                        answer = "ok";
                        break;
                    default:
                        throw new InvalidOperationException($"Unknown order '{order.Op}'.");
                }

                await Console.Out.WriteLineAsync(JsonSerializer.Serialize(answer, JsonSerializerOptions.Web));
                await Console.Out.FlushAsync();
            }
        }
        finally
        {
            await DisposeAllAsync(subscribers.Values.SelectMany(s => s));
        }

        return 0;
    }

    private static async Task<List<Subscriber>> ConnectAsync(SubscriberOrder order, Receipts receipts)
    {
        var subscribers = Enumerable.Range(0, order.Count)
            .Select(_ => order.System == "ours" ? (Subscriber)new TwinSubscriber(receipts) : new RelaySubscriber(receipts))
            .ToList();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));

        // A few at a time: 500 simultaneous handshakes (each followed by a snapshot) would time out on two cores.
        await Parallel.ForEachAsync(subscribers, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = timeout.Token },
            async (s, ct) => await s.ConnectAsync(new Uri(order.Url!), order.Cookie, ct));

        // The server subscribes a connection after its handshake: until every snapshot has arrived
        // it is still building and sending them, which is start-up, not the load being measured.
        while (!subscribers.All(s => s.HasStarted))
        {
            await Task.Delay(100, timeout.Token);
        }

        return subscribers;
    }

    private static Task DisposeAllAsync(IEnumerable<Subscriber> subscribers) =>
        Task.WhenAll(subscribers.Select(s => s.DisposeAsync().AsTask()));
}

/// <summary>The load test's handle on its subscriber processes: N clients split over them, answers merged.</summary>
public sealed class SubscriberProcesses : IAsyncDisposable
{
    private readonly List<Child> _children;

    private SubscriberProcesses(List<Child> children) => _children = children;

    public IReadOnlyList<Process> Processes => _children.Select(c => c.Process).ToList();

    public static SubscriberProcesses Start(int count, EventLog log)
    {
        // This same tool, run as its subscriber mode: `dotnet Twin.LoadTest.dll` or the apphost.
        var host = Environment.ProcessPath!;
        var viaDotnet = Path.GetFileNameWithoutExtension(host) == "dotnet";
        var children = new List<Child>();
        for (var i = 0; i < count; i++)
        {
            var start = new ProcessStartInfo(host)
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            if (viaDotnet)
            {
                start.ArgumentList.Add(typeof(SubscriberProcess).Assembly.Location);
            }

            start.ArgumentList.Add(SubscriberProcess.Mode);
            start.ArgumentList.Add(log.Path);
            start.ArgumentList.Add(log.SensorCount.ToString(System.Globalization.CultureInfo.InvariantCulture));

            // Clients are a browser's side of the wire, not the server: the workstation GC, as a desktop process has.
            start.Environment["DOTNET_gcServer"] = "0";
            children.Add(new Child(Process.Start(start)!));
        }

        return new SubscriberProcesses(children);
    }

    /// <summary>Connects <paramref name="total"/> clients of one system, spread evenly over the processes.</summary>
    public async Task<int> ConnectAsync(string system, Uri url, int total, string? cookie)
    {
        var counts = await Task.WhenAll(_children.Select((c, i) =>
            c.AskAsync<int>(new SubscriberOrder("connect", system, url.ToString(), total / _children.Count + (i < total % _children.Count ? 1 : 0), cookie))));
        return counts.Sum();
    }

    public Task ResetAsync(string system) => Task.WhenAll(_children.Select(c => c.AskAsync<string>(new SubscriberOrder("reset", system))));

    public Task DisconnectAsync(string system) => Task.WhenAll(_children.Select(c => c.AskAsync<string>(new SubscriberOrder("disconnect", system))));

    /// <summary>The processes' reports added up, their receipts merged into <paramref name="histogram"/>.</summary>
    public async Task<SubscriberReport> ReportAsync(string system, long seqAtEnd, LatencyHistogram histogram)
    {
        var reports = await Task.WhenAll(_children.Select(c => c.AskAsync<SubscriberReport>(new SubscriberOrder("report", system, SeqAtEnd: seqAtEnd))));
        foreach (var report in reports)
        {
            histogram.Add(report.Buckets);
        }

        return new SubscriberReport(
            reports.Sum(r => r.Connected), reports.Sum(r => r.Lost), reports.Sum(r => r.OutOfOrder),
            reports.Sum(r => r.Resyncs), reports.Sum(r => r.Behind), []);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var child in _children)
        {
            child.Process.StandardInput.Close();
        }

        foreach (var child in _children)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            try
            {
                await child.Process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                child.Process.Kill();
            }

            child.Process.Dispose();
        }
    }

    private sealed class Child(Process process)
    {
        private readonly SemaphoreSlim _turn = new(1, 1);

        public Process Process { get; } = process;

        public async Task<T> AskAsync<T>(SubscriberOrder order)
        {
            await _turn.WaitAsync();
            try
            {
                await Process.StandardInput.WriteLineAsync(JsonSerializer.Serialize(order, JsonSerializerOptions.Web));
                await Process.StandardInput.FlushAsync();
                var line = await Process.StandardOutput.ReadLineAsync()
                    ?? throw new InvalidOperationException($"Subscriber process {Process.Id} ended (exit code {(Process.HasExited ? Process.ExitCode : -1)}).");
                return JsonSerializer.Deserialize<T>(line, JsonSerializerOptions.Web)!;
            }
            finally
            {
                _turn.Release();
            }
        }
    }
}
