using CommandCenter.Live;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Twin.Data.Boundary;
using Twin.Data.History;

namespace CommandCenter.Tests.Operations;

public sealed class WarmStartHealthTests
{
    private static readonly DateTimeOffset Midway = new(2026, 11, 20, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_health_check_says_whether_the_month_is_being_written_or_indexed()
    {
        var readiness = new TwinReadiness();

        // The queries are read only once the twin runs.
        var check = new TwinHealthCheck(readiness, queries: null!, new Twin.Data.Boundary.NodeRole());

        readiness.ReportWarmStart(new WarmStartProgress(WarmStartStage.WritingHistory, 0.5, Midway));
        var writing = await check.CheckHealthAsync(new HealthCheckContext());
        readiness.ReportWarmStart(new WarmStartProgress(WarmStartStage.IndexingHistory, 1, Midway.AddDays(14)));
        var indexing = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, writing.Status);
        Assert.Contains("writing its history: 50", writing.Description, StringComparison.Ordinal);
        Assert.Contains("2026-11-20 00:00", writing.Description, StringComparison.Ordinal);
        Assert.Equal(HealthStatus.Unhealthy, indexing.Status);
        Assert.Contains("search index is being built", indexing.Description, StringComparison.Ordinal);
    }
}
