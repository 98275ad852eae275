using CommandCenter.Configuration;
using Microsoft.Extensions.Options;
using Twin.Data.Boundary;

namespace CommandCenter.Audit;

/// <summary>
/// Anchors the audit chain's head at start-up and every <see cref="SecurityOptions.AuditAnchorMinutes"/>
/// (the last one is written when the audit trail stops); see <see cref="AuditTrail.AnchorAsync"/>.
/// </summary>
public sealed class AuditAnchoring(AuditTrail audit, TwinReadiness readiness, IOptions<SecurityOptions> options, TimeProvider time, ILogger<AuditAnchoring> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await readiness.Ready.WaitAsync(stoppingToken);
            using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.Value.AuditAnchorMinutes), time);
            do
            {
                try
                {
                    await audit.AnchorAsync(stoppingToken);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
                {
                    // Not fatal: the next tick tries again, and the gap shows in the log.
                    logger.LogError(e, "The audit chain's head could not be anchored.");
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
        catch (Exception e) when (readiness.Ready.IsFaulted)
        {
            logger.LogDebug(e, "Audit anchoring not started: the store did not start.");
        }
    }
}
