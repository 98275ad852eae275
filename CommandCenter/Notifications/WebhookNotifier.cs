using Microsoft.Extensions.Options;
using Twin.Data.Boundary;
using Twin.Data.Pipeline;

namespace CommandCenter.Notifications;

/// <summary>
/// Reads every committed change set (<see cref="ChangeDelivery.Every"/>: a notification is a record,
/// none may be skipped), turns its events into notifications and sends each to every webhook that
/// wants its kind, once per event key. Sending runs on its own task, so a slow receiver never holds
/// up the change feed.
/// </summary>
public sealed class WebhookNotifier(
    ITwinChanges changes, NotificationFactory factory, WebhookSender sender, IOptions<NotificationOptions> options) : BackgroundService
{
    private const int RememberedKeys = 10_000;

    private readonly System.Threading.Channels.Channel<(WebhookOptions Hook, Notification Notification)> _outbox =
        System.Threading.Channels.Channel.CreateUnbounded<(WebhookOptions, Notification)>(new() { SingleReader = true });

    private readonly HashSet<(string Hook, string Key)> _sent = [];
    private readonly Queue<(string Hook, string Key)> _sentOrder = new();

    /// <summary>Queues the notifications of one change set; public for tests that feed change sets by hand.</summary>
    public Task HandleAsync(TwinChangeSet changeSet, CancellationToken ct)
    {
        if (changeSet.IsReset)
        {
            return Task.CompletedTask;
        }

        foreach (var notification in changeSet.Events.SelectMany(factory.From))
        {
            foreach (var hook in options.Value.Webhooks.Where(h => h.Wants(notification.Kind)))
            {
                if (Remember(hook.Name, notification.Key))
                {
                    _outbox.Writer.TryWrite((hook, notification));
                }
            }
        }

        return Task.CompletedTask;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Webhooks.Count == 0)
        {
            return;
        }

        using var subscription = changes.Subscribe(nameof(WebhookNotifier), HandleAsync, ChangeDelivery.Every);
        await foreach (var (hook, notification) in _outbox.Reader.ReadAllAsync(stoppingToken))
        {
            await sender.SendAsync(hook, notification, stoppingToken);
        }
    }

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
