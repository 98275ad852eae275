using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;

namespace CommandCenter.Notifications;

/// <summary>
/// Posts one body to one webhook through the resilient client (retries with exponential backoff
/// on 5xx, 408, 429, timeouts and connection failures: <see cref="NotificationsSetup"/>); what still
/// fails goes to the dead-letter list. A DingTalk robot with a secret gets its URL signed at each
/// send (<see cref="DingTalkSigning"/>, by the injected clock). Logs name the webhook and the event,
/// never the body or URL.
/// </summary>
public sealed partial class WebhookSender(
    IHttpClientFactory clients, DeadLetters deadLetters, WebhookDirectory directory, IOptions<NotificationOptions> options, TimeProvider time,
    ILogger<WebhookSender> logger)
{
    public const string ClientName = "webhooks";

    /// <summary>Delivers <paramref name="notification"/>; true when the receiver took it.</summary>
    public async Task<bool> SendAsync(WebhookTarget hook, Notification notification, CancellationToken ct)
    {
        var body = WebhookBodies.For(hook.Format, notification);
        var (delivered, error) = await PostAsync(hook, body, ct);
        if (delivered)
        {
            LogDelivered(logger, hook.Name, notification.Key);
            return true;
        }

        var attempts = options.Value.MaxAttempts;
        await deadLetters.AddAsync(
            new DeadLetter(Guid.NewGuid(), hook.Id, hook.Name, hook.Label, notification.Kind, notification.Key, notification.Title, time.GetUtcNow(), attempts, error)
            {
                Body = body,
            }, ct);
        LogDeadLettered(logger, hook.Name, notification.Key, attempts, error);
        return false;
    }

    /// <summary>An admin's retry of a dead letter (with the same retries); it leaves the list once delivered.</summary>
    public async Task<bool> RetryAsync(Guid id, CancellationToken ct)
    {
        if (await deadLetters.FindAsync(id, ct) is not { } letter)
        {
            return false;
        }

        if (await directory.FindAsync(letter.WebhookId, ct) is not { } hook)
        {
            await deadLetters.FailedAgainAsync(id, 0, "webhook removed", ct);
            return false;
        }

        var (delivered, error) = await PostAsync(hook, letter.Body, ct);
        if (delivered)
        {
            await deadLetters.RemoveAsync(id, ct);
            LogDelivered(logger, hook.Name, letter.Key);
            return true;
        }

        await deadLetters.FailedAgainAsync(id, options.Value.MaxAttempts, error, ct);
        return false;
    }

    private async Task<(bool Delivered, string Error)> PostAsync(WebhookTarget hook, string body, CancellationToken ct)
    {
        var url = hook is { Format: WebhookFormat.DingTalk, Secret: { Length: > 0 } secret } ? DingTalkSigning.SignedUrl(hook.Url, secret, time.GetUtcNow()) : hook.Url;
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
            // The message of a failed connection may quote the URL, and with it the robot's key.
            return (false, ex is HttpRequestException { HttpRequestError: var kind } ? $"{ex.GetType().Name}: {kind}" : ex.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook {Webhook} took notification {Key}")]
    private static partial void LogDelivered(ILogger logger, string webhook, string key);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook {Webhook} did not take notification {Key} after {Attempts} tries ({Error}); it is in the dead-letter list")]
    private static partial void LogDeadLettered(ILogger logger, string webhook, string key, int attempts, string error);
}
