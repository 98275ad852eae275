using System.Globalization;
using CommandCenter.Localization;
using Microsoft.AspNetCore.Components;
using Twin.Data.Boundary;
using Twin.Data.History;
using Twin.Domain.Time;

namespace CommandCenter.Components.Layout;

/// <summary>
/// What a first run is doing while the wall and the console wait for it: how much of the month's
/// history is written (and up to which day), then that the search index is being built. Read
/// from <see cref="TwinReadiness"/> once a second; nothing once the twin is ready or when no warm
/// start runs.
/// </summary>
public sealed partial class WarmStartNote : IDisposable
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);
    private ITimer? _timer;

    [Inject]
    private TwinReadiness Readiness { get; set; } = default!;

    [Inject]
    private TimeProvider RealTime { get; set; } = default!;

    private WarmStartProgress? Progress { get; set; }

    private static string Title => Language.Current.Pick("首次启动：生成历史数据", "First start: writing the history");

    protected override void OnInitialized()
    {
        Progress = Current();
        if (Progress is not null)
        {
            _timer = RealTime.CreateTimer(_ => _ = InvokeAsync(Refresh), null, Poll, Poll);
        }
    }

    private void Refresh()
    {
        Progress = Current();
        if (Progress is null)
        {
            _timer?.Dispose();
            _timer = null;
        }

        StateHasChanged();
    }

    private WarmStartProgress? Current() =>
        Readiness.Ready.IsCompleted || Readiness.WarmStart is not { Stage: not WarmStartStage.Done } progress ? null : progress;

    private static int Percent(WarmStartProgress progress) =>
        progress.Stage == WarmStartStage.WritingHistory ? (int)Math.Round(100 * Math.Clamp(progress.Fraction, 0, 1)) : 100;

    private static string Text(WarmStartProgress progress)
    {
        var day = ShanghaiClock.ToLocal(progress.SimulatedUpTo).ToString("MM-dd", CultureInfo.InvariantCulture);
        return progress.Stage == WarmStartStage.WritingHistory
            ? Language.Current.Pick($"首次启动：正在生成近一个月的历史 {Percent(progress)}%（已到 {day}）",
                $"First start: writing the past month's history, {Percent(progress)}% (up to {day})")
            : Language.Current.Pick("首次启动：历史已写入，正在建立搜索索引…", "First start: history written, building the search index…");
    }

    public void Dispose() => _timer?.Dispose();
}
