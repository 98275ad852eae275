using System.Globalization;
using Twin.Data.History;
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

        if (runtime.IsRunning)
        {
            return Task.FromResult(HealthCheckResult.Healthy($"Twin running, version {runtime.Pipeline.Current.Version}."));
        }

        // A first run writes a month of history before it serves: say how far it has got.
        return Task.FromResult(runtime.WarmStart is { Stage: WarmStartStage.WritingHistory } progress
            ? HealthCheckResult.Unhealthy(string.Create(CultureInfo.InvariantCulture,
                $"The twin is writing its history: {progress.Fraction:P0}, up to {progress.SimulatedUpTo:yyyy-MM-dd HH:mm} UTC."))
            : HealthCheckResult.Unhealthy("The twin is starting or stopped."));
    }
}
