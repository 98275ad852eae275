using Microsoft.Extensions.Diagnostics.HealthChecks;
using Twin.Data.Boundary;

namespace CommandCenter.Live;

/// <summary>Healthy once the engine is rebuilt and the pipeline runs; unhealthy if start-up failed.</summary>
public sealed class TwinHealthCheck(TwinReadiness readiness, ITwinQueries queries) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (readiness.Ready.IsFaulted)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("The twin failed to start.", readiness.Ready.Exception));
        }

        return Task.FromResult(readiness.IsRunning
            ? HealthCheckResult.Healthy($"Twin running, version {queries.Current.Version}.")
            : HealthCheckResult.Unhealthy("The twin is starting or stopped."));
    }
}
