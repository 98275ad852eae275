using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace Twin.LoadTest.Nodes;

/// <summary>
/// Failover time over repeated SIGKILLs of the writer (docs/two-nodes.md): two nodes on PostgreSQL
/// and Redis on loopback, each reporting a ticket after another through Open311. Per kill: the time
/// from the kill to the survivor's first 201 (a commit) for a request sent after the kill, as the
/// failover test measures it; beside it, the baseline of the same run: the survivor's median
/// acknowledgement while it followed, in the seconds before the kill (a hand-off through the
/// writer's inbox). The take-over's parts: the kill to the survivor's log line of taking the lock
/// (the killed process's exit, the lock taken as the line's own timestamp says, the line's way to
/// this bench), then the parts the survivor's host logs once it writes (fence,
/// store checks, rebuild, writer started, first inbox round); and a wall that was on the dead node
/// reconnecting to the survivor after the wall's 1 s retry (connection.js) until its first
/// snapshot. The killed node is started again, follows, and the next kill takes the other.
/// </summary>
internal static class FailoverBench
{
    private static readonly TimeSpan BeforeKill = TimeSpan.FromSeconds(10);

    /// <summary>The wall's wait before each reconnection attempt (wwwroot-assets/js/map/connection.js, RETRY_EVERY_MS).</summary>
    private static readonly TimeSpan WallRetry = TimeSpan.FromSeconds(1);

    /// <summary>The parts the survivor's host logs (TwinHost.SettleAfterFirstRoundAsync), in order.</summary>
    private static readonly string[] Parts = ["ReloadStopMs", "FenceMs", "ChecksMs", "RebuildMs", "StartMs", "InboxMs"];

    public static async Task RunAsync(int kills, string? postgres, string? redis)
    {
        Console.WriteLine($"failover: {kills} kills of the writer, two nodes on PostgreSQL + Redis (loopback); load average before: {LoadAverage()}");
        await using var cluster = await NodeCluster.StartAsync(postgres, redis);
        var place = await cluster["A"].InsidePointAsync();
        var answers = new ConcurrentQueue<Answer>();
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource();
        var posting = NodeCluster.Names.Select(name => PostUntilStoppedAsync(cluster, name, place, answers, clock, stop.Token)).ToList();

        var rows = new List<(double TakeOver, double Baseline, string Load, double[] Parts)>();
        try
        {
            for (var kill = 1; kill <= kills; kill++)
            {
                var writer = await cluster.WriterAsync();
                var survivor = cluster[NodeCluster.Names.Single(n => n != writer.Name)];
                var roundStart = clock.Elapsed;
                await NodeProcess.Until(() => Task.FromResult(
                    NodeCluster.Names.All(n => answers.Count(a => a.Node == n && a.Sent >= roundStart) >= 5) && clock.Elapsed - roundStart >= BeforeKill),
                    "both nodes acknowledge tickets", TimeSpan.FromSeconds(120));

                var wallCookies = await survivor.PairWallAsync();
                var killedStamp = Stopwatch.GetTimestamp();
                var killedUtc = DateTimeOffset.UtcNow;
                writer.Kill();
                var exitedUtc = DateTimeOffset.UtcNow;

                // Taken once the writer has exited, as the failover test does: a request sent while it was still dying may rightly have been committed by it.
                var killedAt = clock.Elapsed;
                var baseline = Median(answers.Where(a => a.Node == survivor.Name && a.Sent >= killedAt - BeforeKill && a.Answered < killedAt)
                    .Select(a => (a.Answered - a.Sent).TotalSeconds));
                var wall = WallBackAsync(survivor, wallCookies, killedStamp);
                await NodeProcess.Until(() => Task.FromResult(answers.Any(a => a.Node == survivor.Name && a.Sent >= killedAt)),
                    $"node {survivor.Name} acknowledges a ticket sent after the kill", TimeSpan.FromSeconds(60));
                var takeOver = (answers.Where(a => a.Node == survivor.Name && a.Sent >= killedAt).Min(a => a.Answered) - killedAt).TotalSeconds;
                await NodeProcess.Until(() => Task.FromResult(survivor.TakeOverLines.Any(l => l.At > killedStamp && l.Line.Contains(NodeProcess.TookOver, StringComparison.Ordinal))),
                    $"node {survivor.Name} logs its take-over's parts", TimeSpan.FromSeconds(60));
                var parts = PartsOf(survivor, killedStamp, killedUtc, exitedUtc);
                var wallSeconds = await wall;
                var load = LoadAverage();
                rows.Add((takeOver, baseline, load, [.. parts, wallSeconds]));
                Console.WriteLine($"  kill {kill}: {writer.Name} killed, {survivor.Name} ({await survivor.RoleAsync()}) committed {takeOver:F2} s after it; " +
                                  $"its acknowledgement while following: median {baseline:F2} s; load average {load}");
                Console.WriteLine($"    parts (s): {Describe(parts)}; a wall back on {survivor.Name} (first snapshot) {wallSeconds:F2} s after the kill");
                await cluster.RestartAsync(writer.Name);
            }
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(posting);
        }

        var medianTakeOver = Median(rows.Select(r => r.TakeOver));
        var medianBaseline = Median(rows.Select(r => r.Baseline));
        Console.WriteLine($"failover over {rows.Count} kills: median {medianTakeOver:F2} s (all {string.Join(" / ", rows.Select(r => r.TakeOver.ToString("F2", CultureInfo.InvariantCulture)))}), " +
                          $"max {rows.Max(r => r.TakeOver):F2} s; baseline (a follower's hand-off through the inbox) median {medianBaseline:F2} s; " +
                          $"ratio {medianTakeOver / medianBaseline:F1}; load average after: {LoadAverage()}");
        var medianParts = Enumerable.Range(0, Parts.Length + 4).Select(i => Median(rows.Select(r => r.Parts[i]))).ToArray();
        Console.WriteLine($"medians of the parts (s): {Describe(medianParts[..^1])}; a wall back on the survivor {medianParts[^1]:F2} s after the kill");
    }

    /// <summary>
    /// The lock noticed, in three: the SIGKILL until the writer's process had exited; then until the
    /// survivor logged taking the lock (its log line's own UTC timestamp); then until that line reached
    /// this bench through the survivor's stdout. Then each part the survivor's host logged, in seconds.
    /// </summary>
    private static double[] PartsOf(NodeProcess survivor, long killedStamp, DateTimeOffset killedUtc, DateTimeOffset exitedUtc)
    {
        var lines = survivor.TakeOverLines.Where(l => l.At > killedStamp).ToList();
        var locked = lines.FirstOrDefault(l => l.Line.Contains(NodeProcess.LockTaken, StringComparison.Ordinal));
        var exited = (exitedUtc - killedUtc).TotalSeconds;
        double logged = double.NaN, read = double.NaN;
        if (locked.Line is not null)
        {
            var loggedUtc = DateTimeOffset.Parse(JsonDocument.Parse(locked.Line).RootElement.GetProperty("Timestamp").GetString()!, CultureInfo.InvariantCulture);
            logged = (loggedUtc - exitedUtc).TotalSeconds;
            read = Stopwatch.GetElapsedTime(killedStamp, locked.At).TotalSeconds - (loggedUtc - killedUtc).TotalSeconds;
        }

        var state = JsonDocument.Parse(lines.First(l => l.Line.Contains(NodeProcess.TookOver, StringComparison.Ordinal)).Line).RootElement.GetProperty("State");
        return [exited, logged, read, .. Parts.Select(p => double.Parse(state.GetProperty(p).ToString(), CultureInfo.InvariantCulture) / 1000)];
    }

    private static string Describe(double[] parts) =>
        $"killed writer exited {parts[0]:F2}, lock logged {parts[1]:F2}, its line read {parts[2]:F2}, reload given up {parts[3]:F2}, fence {parts[4]:F2}, " +
        $"store checks {parts[5]:F2}, rebuild {parts[6]:F2}, writer started {parts[7]:F2}, first inbox round {parts[8]:F2}";

    /// <summary>A wall that was on the dead node: its connection closed at the kill, it retries after <see cref="WallRetry"/> and the balancer sends it to the survivor; seconds from the kill to its first snapshot.</summary>
    private static async Task<double> WallBackAsync(NodeProcess survivor, System.Net.CookieContainer cookies, long killedStamp)
    {
        await Task.Delay(WallRetry);
        var snapshot = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var wall = new HubConnectionBuilder().WithUrl(new Uri(survivor.Http.BaseAddress!, "hubs/twin"), o => o.Cookies = cookies).Build();
        wall.On<JsonElement>("Snapshot", _ => snapshot.TrySetResult());
        await wall.StartAsync();
        await snapshot.Task.WaitAsync(TimeSpan.FromSeconds(60));
        return Stopwatch.GetElapsedTime(killedStamp).TotalSeconds;
    }

    /// <summary>One ticket after another to whichever process now runs as <paramref name="name"/>; failures (the killed node) are not acknowledged.</summary>
    private static async Task PostUntilStoppedAsync(NodeCluster cluster, string name, (double Lon, double Lat) place, ConcurrentQueue<Answer> answers, Stopwatch clock, CancellationToken stop)
    {
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            var sent = clock.Elapsed;
            try
            {
                if (await NodeCluster.ReportTicketAsync(cluster[name], place, $"节点 {name} 第 {i} 件", stop) is not null)
                {
                    answers.Enqueue(new Answer(name, sent, clock.Elapsed));
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or ObjectDisposedException)
            {
                await Task.Delay(50, CancellationToken.None);
            }
        }
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    internal static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private sealed record Answer(string Node, TimeSpan Sent, TimeSpan Answered);
}
