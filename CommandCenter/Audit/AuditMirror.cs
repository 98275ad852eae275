using Twin.Data.Audit;
using Twin.Data.Boundary;
using Twin.Data.Pipeline;
using Twin.Domain.Engine;

namespace CommandCenter.Audit;

/// <summary>
/// Mirrors into the audit log every ticket transition and alarm acknowledgement the pipeline
/// commits, with the actor the engine recorded (the signed-in officer for the console's actions).
/// The ticket's own history stays the operational record; the audit copy is the tamper-evident one.
/// Notes are not copied: free text may hold personal data. It takes every change set, however far
/// behind (<see cref="ChangeDelivery.Every"/>): a step missing from the audit log is a gap in the record.
/// </summary>
public sealed class AuditMirror(ITwinChanges changes, AuditTrail audit, TimeProvider time) : IHostedService
{
    private IDisposable? _subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = changes.Subscribe(nameof(AuditMirror), OnCommitted, ChangeDelivery.Every);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }

    private Task OnCommitted(TwinChangeSet changes, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        foreach (var change in changes.Events)
        {
            switch (change)
            {
                case TicketChanged t:
                    var step = (t.Transition.From is { } from ? from + "→" : "") + t.Transition.To;
                    audit.Record(new AuditEntry(now, t.Transition.Actor, AuditActions.TicketTransition, t.Ticket.Id, AuditOutcome.Success,
                        $"{step}; twin time {t.Transition.At:O}", null, null));
                    break;
                case AlarmChanged { Change: AlarmChange.Acknowledged } a:
                    audit.Record(new AuditEntry(now, a.Actor ?? "system", AuditActions.AlarmAcknowledged, a.Alarm.Id, AuditOutcome.Success,
                        $"twin time {a.At:O}", null, null));
                    break;
            }
        }

        return Task.CompletedTask;
    }
}
