using System.Diagnostics;

namespace Twin.LoadTest.Hosting;

/// <summary>
/// CPU used by this process (cores busy on average: CPU time / wall time) and its peak working set
/// over a window, sampled every 100 ms. The server and the load's clients share the process, so
/// the figure covers both; the bare relay is measured the same way, which keeps the ratio fair.
/// </summary>
public sealed class ProcessMeter : IAsyncDisposable
{
    private readonly Process _process = Process.GetCurrentProcess();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampler;
    private readonly TimeSpan _cpuAtStart;
    private readonly long _startedAt = Stopwatch.GetTimestamp();
    private long _peakWorkingSet;

    public ProcessMeter()
    {
        _process.Refresh();
        _cpuAtStart = _process.TotalProcessorTime;
        _peakWorkingSet = _process.WorkingSet64;
        _sampler = SampleAsync(_stop.Token);
    }

    /// <summary>Stops sampling and returns (average cores busy, peak working set in bytes).</summary>
    public async Task<(double Cores, long PeakWorkingSet)> StopAsync()
    {
        await _stop.CancelAsync();
        await _sampler;
        _process.Refresh();
        var cpu = _process.TotalProcessorTime - _cpuAtStart;
        var wall = Stopwatch.GetElapsedTime(_startedAt);
        return (cpu / wall, Math.Max(_peakWorkingSet, _process.WorkingSet64));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await _stop.CancelAsync();
            await _sampler;
        }

        _stop.Dispose();
        _process.Dispose();
    }

    private async Task SampleAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                _process.Refresh();
                _peakWorkingSet = Math.Max(_peakWorkingSet, _process.WorkingSet64);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
