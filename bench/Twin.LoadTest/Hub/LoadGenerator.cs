using System.Diagnostics;

namespace Twin.LoadTest.Hub;

/// <summary>Posts events at a steady rate (in small bursts every ~2 ms) for a bounded time.</summary>
public static class LoadGenerator
{
    /// <summary>Returns the rate actually achieved; it falls short when <paramref name="post"/> pushes back.</summary>
    public static async Task<double> RunAsync(EventLog log, int perSecond, TimeSpan duration, Func<int, DateTimeOffset, ValueTask> post)
    {
        var started = Stopwatch.GetTimestamp();
        long posted = 0;
        TimeSpan elapsed;
        while ((elapsed = Stopwatch.GetElapsedTime(started)) < duration)
        {
            var due = (long)(elapsed.TotalSeconds * perSecond);
            while (posted < due)
            {
                var (_, sensor, observedAt) = log.Take();
                await post(sensor, observedAt);
                posted++;
            }

            await Task.Delay(2);
        }

        return posted / Stopwatch.GetElapsedTime(started).TotalSeconds;
    }
}
