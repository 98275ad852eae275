using System.Threading.Channels;
using Twin.Data.Boundary;
using Twin.Data.Pipeline;

namespace CommandCenter.Notifications;

/// <summary>
/// Reads every committed change set (<see cref="ChangeDelivery.Every"/>: a notification is a record,
/// none may be skipped), turns its events into notifications and sends each to every webhook that
/// wants its kind and whose organisation it concerns (<see cref="Notification.Concerns"/>), once per
/// webhook and event key. Only the writer sends (docs/two-nodes.md): followers see reloads, not
/// events, and would tell every group twice. Sending runs on its own task, so a slow receiver never
/// holds up the change feed.
/// </summary>
public sealed class WebhookNotifier(
    ITwinChanges changes, NotificationFactory factory, WebhookDirectory directory, WebhookSender sender, ITwinOrganisations organisations,
    NodeRole role, ILogger<WebhookNotifier> logger) : BackgroundService
{
    private const int RememberedKeys = 10_000;

    private readonly Channel<Notification> _outbox = Channel.CreateUnbounded<Notification>(new() { SingleReader = true });

    private readonly HashSet<(string Hook, string Key)> _sent = [];
    private readonly Queue<(string Hook, string Key)> _sentOrder = new();

    /// <summary>
    /// Queues the notifications of one change set, on the writer only (a follower's change sets are
    /// reloads of what the writer committed and told); public for tests that feed change sets by hand.
    /// </summary>
    public Task HandleAsync(TwinChangeSet changeSet, CancellationToken ct)
    {
        if (changeSet.IsReset || !role.IsWriting)
        {
            return Task.CompletedTask;
        }

        foreach (var notification in changeSet.Events.SelectMany(factory.From))
        {
            _outbox.Writer.TryWrite(notification);
        }

        return Task.CompletedTask;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            // Subscribed at once, so nothing committed after the start is missed; HandleAsync keeps only what the writer commits.
            using var subscription = changes.Subscribe(nameof(WebhookNotifier), HandleAsync, ChangeDelivery.Every);
            var batch = new List<Notification>();
            while (await _outbox.Reader.WaitToReadAsync(stoppingToken))
            {
                batch.Clear();
                while (_outbox.Reader.TryRead(out var notification))
                {
                    batch.Add(notification);
                }

                await DeliverAsync(batch, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task DeliverAsync(List<Notification> batch, CancellationToken ct)
    {
        IReadOnlyList<WebhookTarget> hooks;
        try
        {
            hooks = await directory.TargetsAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The store is gone (stopping, or a failover under way): nothing can be sent or dead-lettered now.
            logger.LogWarning(e, "Webhooks not read; {Count} notifications not sent.", batch.Count);
            return;
        }

        foreach (var notification in batch)
        {
            foreach (var hook in hooks.Where(h => h.Wants(notification.Kind) && Concerns(h, notification)))
            {
                if (!Remember(hook.Id, notification.Key))
                {
                    continue;
                }

                try
                {
                    await sender.SendAsync(hook, notification, ct);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // A failed dead-letter write must not stop the notifier (and with it the host) for the next event.
                    logger.LogError(e, "Notification {Key} to webhook {Webhook} neither delivered nor dead-lettered.", notification.Key, hook.Name);
                }
            }
        }
    }

    /// <summary>A configured webhook is the district's and hears everything; an organisation's hears what is in its scope.</summary>
    private bool Concerns(WebhookTarget hook, Notification notification) =>
        hook.OrganisationId is not { } id || (organisations.Find(id) is { } organisation && notification.Concerns(organisation));

    private bool Remember(string hook, string key)
    {
        if (!_sent.Add((hook, key)))
        {
            return false;
        }

        _sentOrder.Enqueue((hook, key));
        if (_sentOrder.Count > RememberedKeys)
        {
            _sent.Remove(_sentOrder.Dequeue());
        }

        return true;
    }
}
