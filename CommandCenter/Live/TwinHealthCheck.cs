using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Twin.Data.Boundary;
using Twin.Data.History;

namespace CommandCenter.Live;

/// <summary>
/// Healthy once the engine is rebuilt and the pipeline runs (or, on a follower node, once it reads
/// the writer's state); unhealthy if start-up failed. The description says which node writes.
/// </summary>
public sealed class TwinHealthCheck(TwinReadiness readiness, ITwinQueries queries, NodeRole role) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (readiness.Ready.IsFaulted)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("The twin failed to start.", readiness.Ready.Exception));
        }

        if (readiness.IsRunning)
        {
            return Task.FromResult(HealthCheckResult.Healthy(role.IsWriting
                ? $"Twin running as the writer, version {queries.Current.Version}."
                : $"Twin following the writer (another node), version {queries.Current.Version}."));
        }

        // A first run writes a month of history before it serves: say how far it has got.
        return Task.FromResult(readiness.WarmStart switch
        {
            { Stage: WarmStartStage.WritingHistory } progress => HealthCheckResult.Unhealthy(string.Create(CultureInfo.InvariantCulture,
                $"The twin is writing its history: {progress.Fraction:P0}, up to {progress.SimulatedUpTo:yyyy-MM-dd HH:mm} UTC.")),
            { Stage: WarmStartStage.IndexingHistory } => HealthCheckResult.Unhealthy("The twin's history is written; its search index is being built."),
            _ => HealthCheckResult.Unhealthy("The twin is starting or stopped."),
        });
    }
}
