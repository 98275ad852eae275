using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CommandCenter.Live;

/// <summary>Healthy once the engine is rebuilt and the pipeline runs; unhealthy if start-up failed.</summary>
public sealed class TwinHealthCheck(TwinRuntime runtime) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (runtime.Ready.IsFaulted)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("The twin failed to start.", runtime.Ready.Exception));
        }

        return Task.FromResult(runtime.IsRunning
            ? HealthCheckResult.Healthy($"Twin running, version {runtime.Pipeline.Current.Version}.")
            : HealthCheckResult.Unhealthy("The twin is starting or stopped."));
    }
}
