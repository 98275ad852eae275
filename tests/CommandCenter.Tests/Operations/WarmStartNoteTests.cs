using Bunit;
using CommandCenter.Components.Layout;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Twin.Data.Boundary;
using Twin.Data.History;

namespace CommandCenter.Tests.Operations;

/// <summary>The wall's and the console's note while a first run writes its month: how far it has got, then the index, then nothing once the twin runs.</summary>
public sealed class WarmStartNoteTests
{
    private static readonly DateTimeOffset Midway = new(2026, 11, 20, 4, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_note_follows_the_warm_start_each_second_and_is_gone_once_the_twin_is_ready()
    {
        await using var ctx = new BunitContext();
        var readiness = new TwinReadiness();
        var time = new FakeTimeProvider(Midway);
        ctx.Services.AddSingleton(readiness);
        ctx.Services.AddSingleton<TimeProvider>(time);
        readiness.ReportWarmStart(new WarmStartProgress(WarmStartStage.WritingHistory, 0.25, Midway));

        var note = ctx.Render<WarmStartNote>();
        Assert.Equal("25", note.Find("[data-warm-start]").GetAttribute("data-warm-start-percent"));
        Assert.Contains("25%（已到 11-20）", note.Markup, StringComparison.Ordinal);

        readiness.ReportWarmStart(new WarmStartProgress(WarmStartStage.WritingHistory, 0.5, Midway.AddDays(7)));
        time.Advance(TimeSpan.FromSeconds(1));
        note.WaitForAssertion(() => Assert.Contains("50%（已到 11-27）", note.Markup, StringComparison.Ordinal));

        readiness.ReportWarmStart(new WarmStartProgress(WarmStartStage.IndexingHistory, 1, Midway.AddDays(15)));
        time.Advance(TimeSpan.FromSeconds(1));
        note.WaitForAssertion(() => Assert.Contains("正在建立搜索索引", note.Markup, StringComparison.Ordinal));

        readiness.MarkReady();
        time.Advance(TimeSpan.FromSeconds(1));
        note.WaitForAssertion(() => Assert.Empty(note.FindAll("[data-warm-start]")));
    }

    [Fact]
    public async Task Without_a_warm_start_nothing_is_shown()
    {
        await using var ctx = new BunitContext();
        ctx.Services.AddSingleton(new TwinReadiness());
        ctx.Services.AddSingleton<TimeProvider>(new FakeTimeProvider(Midway));

        Assert.Empty(ctx.Render<WarmStartNote>().FindAll("[data-warm-start]"));
    }
}
