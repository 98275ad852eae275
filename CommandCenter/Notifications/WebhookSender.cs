using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;

namespace CommandCenter.Notifications;

/// <summary>
/// Posts one body to one webhook through the resilient client (retries with exponential backoff
/// on 5xx, 408, 429, timeouts and connection failures: <see cref="NotificationsSetup"/>); what still
/// fails goes to the dead-letter list. Logs name the webhook and the event, never the body or URL.
/// </summary>
public sealed partial class WebhookSender(
    IHttpClientFactory clients, DeadLetters deadLetters, IOptions<NotificationOptions> options, TimeProvider time, ILogger<WebhookSender> logger)
{
    public const string ClientName = "webhooks";

    /// <summary>Delivers <paramref name="notification"/>; true when the receiver took it.</summary>
    public async Task<bool> SendAsync(WebhookOptions hook, Notification notification, CancellationToken ct)
    {
        var body = WebhookBodies.For(hook.Format, notification);
        var (delivered, error) = await PostAsync(hook.Url, body, ct);
        if (delivered)
        {
            LogDelivered(logger, hook.Name, notification.Key);
            return true;
        }

        var attempts = options.Value.MaxAttempts;
        deadLetters.Add(new DeadLetter(Guid.NewGuid(), hook.Name, hook.Organisation, notification.Kind, notification.Key, notification.Title, time.GetUtcNow(), attempts, error)
        {
            Body = body,
        });
        LogDeadLettered(logger, hook.Name, notification.Key, attempts, error);
        return false;
    }

    /// <summary>An admin's retry of a dead letter (with the same retries); it leaves the list once delivered.</summary>
    public async Task<bool> RetryAsync(Guid id, CancellationToken ct)
    {
        if (deadLetters.Find(id) is not { } letter || options.Value.Webhooks.Find(w => w.Name == letter.Webhook) is not { } hook)
        {
            return false;
        }

        var (delivered, error) = await PostAsync(hook.Url, letter.Body, ct);
        if (delivered)
        {
            deadLetters.Remove(id);
            LogDelivered(logger, hook.Name, letter.Key);
            return true;
        }

        deadLetters.Remove(id);
        deadLetters.Add(letter with { FailedAt = time.GetUtcNow(), Attempts = letter.Attempts + options.Value.MaxAttempts, LastError = error });
        return false;
    }

    private async Task<(bool Delivered, string Error)> PostAsync(string url, string body, CancellationToken ct)
    {
        try
        {
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await clients.CreateClient(ClientName).PostAsync(url, content, ct);
            return response.IsSuccessStatusCode
                ? (true, string.Empty)
                : (false, string.Create(CultureInfo.InvariantCulture, $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}"));
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or TimeoutException or Polly.Timeout.TimeoutRejectedException && !ct.IsCancellationRequested)
        {
            return (false, ex.GetType().Name + ": " + ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook {Webhook} took notification {Key}")]
    private static partial void LogDelivered(ILogger logger, string webhook, string key);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook {Webhook} did not take notification {Key} after {Attempts} tries ({Error}); it is in the dead-letter list")]
    private static partial void LogDeadLettered(ILogger logger, string webhook, string key, int attempts, string error);
}
