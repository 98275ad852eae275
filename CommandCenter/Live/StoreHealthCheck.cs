using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Twin.Data.Boundary;
using Twin.Data.Store;

namespace CommandCenter.Live;

/// <summary>
/// Unhealthy while the store does not take writes (the writer's last batch or rebuild failed: a
/// read-only or locked file, an I/O error, a full disk) or its disk has less free space than
/// <see cref="HealthOptions.MinFreeDiskMegabytes"/>; healthy again after the next write succeeds.
/// </summary>
public sealed class StoreHealthCheck(StoreWriteHealth writes, IOptions<TwinStoreOptions> store, IOptionsMonitor<HealthOptions> health) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (writes.CurrentFailure is { } failure)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy(string.Create(CultureInfo.InvariantCulture,
                $"Writes to the store fail ({failure.InARow} in a row): {failure.Error}")));
        }

        var folder = Path.GetDirectoryName(store.Value.DatabasePath) ?? ".";
        var freeMegabytes = new DriveInfo(folder).AvailableFreeSpace / (1024 * 1024);
        var minimum = health.CurrentValue.MinFreeDiskMegabytes;
        return Task.FromResult(freeMegabytes < minimum
            ? HealthCheckResult.Unhealthy(string.Create(CultureInfo.InvariantCulture,
                $"Only {freeMegabytes} MB free on the store's disk ({folder}); {HealthOptions.Section}:MinFreeDiskMegabytes asks for {minimum} MB."))
            : HealthCheckResult.Healthy(string.Create(CultureInfo.InvariantCulture, $"The store takes writes; {freeMegabytes} MB free.")));
    }
}
