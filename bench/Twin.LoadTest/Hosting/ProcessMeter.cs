using System.Diagnostics;

namespace Twin.LoadTest.Hosting;

/// <summary>
/// CPU used by some processes together (cores busy on average: CPU time / wall time) and their peak
/// working set over a window, sampled every 100 ms: the server's process, or the subscribers'.
/// </summary>
public sealed class ProcessMeter : IAsyncDisposable
{
    private readonly IReadOnlyList<Process> _processes;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampler;
    private readonly TimeSpan _cpuAtStart;
    private readonly long _startedAt = Stopwatch.GetTimestamp();
    private long _peakWorkingSet;

    public ProcessMeter(IReadOnlyList<Process> processes)
    {
        _processes = processes;
        _cpuAtStart = Cpu();
        _peakWorkingSet = WorkingSet();
        _sampler = SampleAsync(_stop.Token);
    }

    private TimeSpan Cpu()
    {
        var total = TimeSpan.Zero;
        foreach (var process in _processes)
        {
            process.Refresh();
            total += process.TotalProcessorTime;
        }

        return total;
    }

    private long WorkingSet()
    {
        long total = 0;
        foreach (var process in _processes)
        {
            process.Refresh();
            total += process.WorkingSet64;
        }

        return total;
    }

    /// <summary>Stops sampling and returns (average cores busy, peak working set in bytes).</summary>
    public async Task<(double Cores, long PeakWorkingSet)> StopAsync()
    {
        await _stop.CancelAsync();
        await _sampler;
        var cpu = Cpu() - _cpuAtStart;
        var wall = Stopwatch.GetElapsedTime(_startedAt);
        return (cpu / wall, Math.Max(_peakWorkingSet, WorkingSet()));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await _stop.CancelAsync();
            await _sampler;
        }

        _stop.Dispose();
    }

    private async Task SampleAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                _peakWorkingSet = Math.Max(_peakWorkingSet, WorkingSet());
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
