using CommandCenter.Configuration;
using Microsoft.Extensions.Options;
using Twin.Data.Boundary;

namespace CommandCenter.Audit;

/// <summary>Once a day, removes audit records older than <see cref="SecurityOptions.AuditRetentionDays"/> (at least 180).</summary>
public sealed class AuditRetention(TwinReadiness readiness, NodeRole role, AuditTrail audit, IOptionsMonitor<SecurityOptions> options, TimeProvider time, ILogger<AuditRetention> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await readiness.Ready.WaitAsync(stoppingToken);

            // One node purges (the writer), not each of them at its own hour.
            await role.Settled.WaitAsync(stoppingToken);
            using var daily = new PeriodicTimer(TimeSpan.FromDays(1), time);
            do
            {
                var now = time.GetUtcNow();
                var removed = await audit.Log.PurgeAsync(now.AddDays(-options.CurrentValue.AuditRetentionDays), now, "system", stoppingToken);
                if (removed > 0)
                {
                    logger.LogInformation("Audit retention removed {Count} records older than {Days} days.", removed, options.CurrentValue.AuditRetentionDays);
                }
            }
            while (await daily.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
        catch (Exception e) when (readiness.Ready.IsFaulted)
        {
            logger.LogDebug(e, "Audit retention not started: the store did not start.");
        }
    }
}
