using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace Twin.LoadTest.Nodes;

/// <summary>
/// Failover time over repeated SIGKILLs of the writer (docs/two-nodes.md): two nodes on PostgreSQL
/// and Redis on loopback, each reporting a ticket after another through Open311. Per kill: the time
/// from the kill to the survivor's first 201 (a commit) for a request sent after the kill, as the
/// failover test measures it; beside it, the baseline of the same run: the survivor's median
/// acknowledgement while it followed, in the seconds before the kill (a hand-off through the
/// writer's inbox). The killed node is started again, follows, and the next kill takes the other.
/// </summary>
internal static class FailoverBench
{
    private static readonly TimeSpan BeforeKill = TimeSpan.FromSeconds(10);

    public static async Task RunAsync(int kills, string? postgres, string? redis)
    {
        Console.WriteLine($"failover: {kills} kills of the writer, two nodes on PostgreSQL + Redis (loopback); load average before: {LoadAverage()}");
        await using var cluster = await NodeCluster.StartAsync(postgres, redis);
        var place = await cluster["A"].InsidePointAsync();
        var answers = new ConcurrentQueue<Answer>();
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource();
        var posting = NodeCluster.Names.Select(name => PostUntilStoppedAsync(cluster, name, place, answers, clock, stop.Token)).ToList();

        var rows = new List<(double TakeOver, double Baseline, string Load)>();
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

                var killedAt = clock.Elapsed;
                var baseline = Median(answers.Where(a => a.Node == survivor.Name && a.Sent >= killedAt - BeforeKill && a.Answered < killedAt)
                    .Select(a => (a.Answered - a.Sent).TotalSeconds));
                writer.Kill();
                await NodeProcess.Until(() => Task.FromResult(answers.Any(a => a.Node == survivor.Name && a.Sent >= killedAt)),
                    $"node {survivor.Name} acknowledges a ticket sent after the kill", TimeSpan.FromSeconds(60));
                var takeOver = (answers.Where(a => a.Node == survivor.Name && a.Sent >= killedAt).Min(a => a.Answered) - killedAt).TotalSeconds;
                var load = LoadAverage();
                rows.Add((takeOver, baseline, load));
                Console.WriteLine($"  kill {kill}: {writer.Name} killed, {survivor.Name} ({await survivor.RoleAsync()}) committed {takeOver:F2} s after it; " +
                                  $"its acknowledgement while following: median {baseline:F2} s; load average {load}");
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
